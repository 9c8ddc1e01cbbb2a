// Access tokens over MariaDB. See access/domain/access_repository.h for the
// contract.
#ifndef BACKOFFICE_SERVER_ACCESS_STORAGE_MYSQL_ACCESS_REPOSITORY_H_
#define BACKOFFICE_SERVER_ACCESS_STORAGE_MYSQL_ACCESS_REPOSITORY_H_

#include "access/domain/access_repository.h"
#include "core/storage/database.h"

namespace backoffice::storage {

class MySqlAccessRepository : public domain::AccessRepository {
 public:
  explicit MySqlAccessRepository(Database& db) : db_(db) {}

  StatusOr<domain::Principal> FindPrincipalByTokenHash(
      const std::string& token_hash) override;
  StatusOr<domain::AccessToken> CreateToken(
      const domain::AccessToken& token, const std::string& token_hash,
      const domain::RequestContext* ctx) override;
  StatusOr<std::vector<domain::AccessToken>> ListTokens(
      bool show_revoked, const domain::PageRequest& page) override;
  StatusOr<domain::AccessToken> GetToken(std::int64_t id) override;
  StatusOr<domain::AccessToken> RevokeToken(
      std::int64_t id, const domain::RequestContext& ctx) override;
  StatusOr<std::int64_t> ReadRevocationGeneration() override;

 private:
  Database& db_;
};

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_ACCESS_STORAGE_MYSQL_ACCESS_REPOSITORY_H_
