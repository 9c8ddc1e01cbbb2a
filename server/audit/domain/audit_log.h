// The audit trail as admins read it.
//
// Thread safety: stateless beyond its repository; safe for concurrent use.
#ifndef BACKOFFICE_SERVER_AUDIT_DOMAIN_AUDIT_LOG_H_
#define BACKOFFICE_SERVER_AUDIT_DOMAIN_AUDIT_LOG_H_

#include <string>

#include "audit/domain/audit_repository.h"
#include "core/domain/status.h"
#include "core/domain/model.h"

namespace backoffice::domain {

class AuditLog {
 public:
  explicit AuditLog(AuditRepository& repository) : repository_(repository) {}
  StatusOr<Page<AuditRecord>> List(const AuditFilter& filter, int page_size,
                                   const std::string& page_token);

 private:
  AuditRepository& repository_;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_AUDIT_DOMAIN_AUDIT_LOG_H_
