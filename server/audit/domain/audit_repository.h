// Reads of the audit trail. Records are written by each module's repository
// in the transaction of the change they record.
#ifndef BACKOFFICE_SERVER_AUDIT_DOMAIN_AUDIT_REPOSITORY_H_
#define BACKOFFICE_SERVER_AUDIT_DOMAIN_AUDIT_REPOSITORY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "audit/domain/audit_model.h"
#include "core/domain/status.h"
#include "core/domain/model.h"

namespace backoffice::domain {

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  // Newest first: `page.after_key` is the id below which to continue.
  virtual StatusOr<std::vector<AuditRecord>> ListAuditRecords(
      const AuditFilter& filter, const PageRequest& page) = 0;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_AUDIT_DOMAIN_AUDIT_REPOSITORY_H_
