// The audit trail over MariaDB. See audit/domain/audit_repository.h.
#ifndef BACKOFFICE_SERVER_AUDIT_STORAGE_MYSQL_AUDIT_REPOSITORY_H_
#define BACKOFFICE_SERVER_AUDIT_STORAGE_MYSQL_AUDIT_REPOSITORY_H_

#include "audit/domain/audit_repository.h"
#include "core/storage/database.h"

namespace backoffice::storage {

class MySqlAuditRepository : public domain::AuditRepository {
 public:
  explicit MySqlAuditRepository(Database& db) : db_(db) {}

  StatusOr<std::vector<domain::AuditRecord>> ListAuditRecords(
      const domain::AuditFilter& filter,
      const domain::PageRequest& page) override;

 private:
  Database& db_;
};

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_AUDIT_STORAGE_MYSQL_AUDIT_REPOSITORY_H_
