// The ledger checks over MariaDB, in one consistent snapshot.
#ifndef BACKOFFICE_SERVER_RECONCILIATION_STORAGE_MYSQL_RECONCILIATION_REPOSITORY_H_
#define BACKOFFICE_SERVER_RECONCILIATION_STORAGE_MYSQL_RECONCILIATION_REPOSITORY_H_

#include "core/storage/database.h"
#include "reconciliation/domain/reconciliation_repository.h"

namespace backoffice::storage {

class MySqlReconciliationRepository : public domain::ReconciliationRepository {
 public:
  explicit MySqlReconciliationRepository(Database& db) : db_(db) {}
  StatusOr<domain::LedgerReport> VerifyLedger(
      const std::string& store_code) override;

 private:
  Database& db_;
};

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_RECONCILIATION_STORAGE_MYSQL_RECONCILIATION_REPOSITORY_H_
