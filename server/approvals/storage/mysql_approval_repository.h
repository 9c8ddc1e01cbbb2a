// The approval inbox over MariaDB: one UNION of the waiting rows of each
// module's table, on the report pool. It reads those tables as they are
// and writes nothing.
#ifndef BACKOFFICE_SERVER_APPROVALS_STORAGE_MYSQL_APPROVAL_REPOSITORY_H_
#define BACKOFFICE_SERVER_APPROVALS_STORAGE_MYSQL_APPROVAL_REPOSITORY_H_

#include "approvals/domain/approvals.h"
#include "core/storage/database.h"

namespace backoffice::storage {

class MySqlApprovalRepository : public domain::ApprovalRepository {
 public:
  explicit MySqlApprovalRepository(Database& db) : db_(db) {}

  StatusOr<std::vector<domain::Approval>> ListApprovals(
      const std::string& store_code, const domain::PageRequest& page,
      domain::TimeMicros now) override;

 private:
  Database& db_;
};

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_APPROVALS_STORAGE_MYSQL_APPROVAL_REPOSITORY_H_
