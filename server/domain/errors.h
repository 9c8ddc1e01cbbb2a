// Builders of the domain's errors. A reason is a stable identifier that
// clients branch on; the message is for humans and may change.
#ifndef BACKOFFICE_SERVER_DOMAIN_ERRORS_H_
#define BACKOFFICE_SERVER_DOMAIN_ERRORS_H_

#include <string>

#include "backoffice/status.h"

namespace backoffice::domain {

// INVALID_ARGUMENT with reason "INVALID_<FIELD>" and metadata field=<field>.
Status InvalidField(const std::string& field, const std::string& message);
Status InvalidArgument(std::string reason, std::string message);
Status NotFound(std::string reason, std::string message);
Status AlreadyExists(std::string reason, std::string message);
Status PermissionDenied(std::string reason, std::string message);
Status FailedPrecondition(std::string reason, std::string message);
Status Unauthenticated(std::string reason, std::string message);
Status Unavailable(std::string reason, std::string message);
Status Aborted(std::string reason, std::string message);
Status Internal(std::string reason, std::string message);

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_DOMAIN_ERRORS_H_
