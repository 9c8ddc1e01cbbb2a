#include "access/storage/mysql_access_repository.h"

#include <limits>

#include "access/domain/access.h"
#include "core/domain/errors.h"
#include "core/storage/query.h"
#include "core/storage/sql_util.h"

namespace backoffice::storage {
namespace {

using domain::AccessToken;

const std::string kSelectToken =
    "SELECT t.id, t.display_name, t.role, s.code, term.code, " BO_MICROS(
        "t.create_time") ", " BO_MICROS("t.revoke_time") ", t.creator_id "
                                                         "FROM access_tokens "
                                                         "t LEFT JOIN stores "
                                                         "s ON s.id = "
                                                         "t.store_id LEFT "
                                                         "JOIN terminals term "
                                                         "ON term.id = "
                                                         "t.terminal_id";

AccessToken ReadToken(const soci::row& r) {
  AccessToken t;
  t.id = GetInt64(r, 0);
  t.display_name = GetString(r, 1);
  t.role = domain::RoleFromName(GetString(r, 2))
               .value_or(domain::Role::kUnspecified);
  t.store_code = GetString(r, 3);
  t.terminal_code = GetString(r, 4);
  t.create_time = GetInt64(r, 5);
  t.revoke_time = GetOptionalInt64(r, 6);
  t.creator_id = GetOptionalInt64(r, 7);
  return t;
}

AccessToken RequireToken(soci::session& s, long long id,
                         bool for_update = false) {
  auto token = QueryOne(
      s, kSelectToken + " WHERE t.id = :id" + (for_update ? " FOR UPDATE" : ""),
      &ReadToken, id);
  if (!token) {
    Fail(domain::NotFound("TOKEN_NOT_FOUND",
                          "token " + domain::FormatTokenId(id) + " not found"));
  }
  return *token;
}

}  // namespace

StatusOr<domain::Principal> MySqlAccessRepository::FindPrincipalByTokenHash(
    const std::string& token_hash) {
  std::optional<AccessToken> token;
  Status status = db_.WithSession([&](soci::session& s) {
    token = QueryOne(
        s, kSelectToken + " WHERE t.token_hash = :h AND t.revoke_time IS NULL",
        &ReadToken, token_hash);
    return Status();
  });
  if (!status.ok()) return status;
  if (!token) {
    return domain::Unauthenticated("INVALID_TOKEN",
                                   "the token is unknown or revoked");
  }
  domain::Principal principal;
  principal.token_id = token->id;
  principal.display_name = token->display_name;
  principal.role = token->role;
  principal.store_code = token->store_code;
  principal.terminal_code = token->terminal_code;
  return principal;
}

StatusOr<AccessToken> MySqlAccessRepository::CreateToken(
    const AccessToken& token, const std::string& token_hash,
    const domain::RequestContext* ctx) {
  std::optional<AccessToken> created;
  Status status = db_.InTransaction([&](soci::session& s) {
    long long store_id = 0;
    long long terminal_id = 0;
    soci::indicator store_ind = soci::i_null;
    soci::indicator terminal_ind = soci::i_null;
    if (!token.store_code.empty()) {
      store_id = RequireStoreId(s, token.store_code);
      store_ind = soci::i_ok;
    }
    if (!token.terminal_code.empty()) {
      soci::indicator ind = soci::i_null;
      s << "SELECT id FROM terminals WHERE store_id = :s AND code = :c",
          soci::use(store_id), soci::use(token.terminal_code),
          soci::into(terminal_id, ind);
      if (!s.got_data() || ind != soci::i_ok) {
        Fail(domain::NotFound("TERMINAL_NOT_FOUND",
                              "terminal " + token.terminal_code +
                                  " not found in store " + token.store_code));
      }
      terminal_ind = soci::i_ok;
    }
    long long creator = ctx ? ctx->principal.token_id : 0;
    soci::indicator creator_ind = ctx ? soci::i_ok : soci::i_null;
    std::string role = domain::RoleName(token.role);
    s << "INSERT INTO access_tokens (token_hash, display_name, role, "
         "store_id, terminal_id, creator_id, create_time) VALUES (:h, :n, :r, "
         ":s, :t, :c, UTC_TIMESTAMP(6))",
        soci::use(token_hash), soci::use(token.display_name), soci::use(role),
        soci::use(store_id, store_ind), soci::use(terminal_id, terminal_ind),
        soci::use(creator, creator_ind);
    long long id = LastInsertId(s);
    AppendAudit(s, ctx,
                domain::AuditEntry{"access_token", domain::FormatTokenId(id),
                                   token.store_code});
    created = RequireToken(s, id);
    return Status();
  });
  if (!status.ok()) return status;
  return *created;
}

StatusOr<std::vector<AccessToken>> MySqlAccessRepository::ListTokens(
    bool show_revoked, const domain::PageRequest& page) {
  std::vector<AccessToken> tokens;
  long long after = page.after_sequence.value_or(0);
  Status status = db_.WithSession([&](soci::session& s) {
    int all = show_revoked ? 1 : 0;
    long long limit = page.page_size + 1;
    tokens = QueryAll(s,
                      kSelectToken +
                          " WHERE t.id > :after AND (:all = 1 OR "
                          "t.revoke_time IS NULL) ORDER BY t.id LIMIT :limit",
                      &ReadToken, after, all, limit);
    return Status();
  });
  if (!status.ok()) return status;
  return tokens;
}

StatusOr<AccessToken> MySqlAccessRepository::GetToken(std::int64_t id) {
  std::optional<AccessToken> token;
  Status status = db_.WithSession([&](soci::session& s) {
    token = RequireToken(s, id);
    return Status();
  });
  if (!status.ok()) return status;
  return *token;
}

StatusOr<AccessToken> MySqlAccessRepository::RevokeToken(
    std::int64_t id, const domain::RequestContext& ctx) {
  std::optional<AccessToken> token;
  Status status = db_.InTransaction([&](soci::session& s) {
    long long token_id = id;
    AccessToken current = RequireToken(s, token_id, true);
    // Revoking twice keeps the first revocation time.
    s << "UPDATE access_tokens SET revoke_time = UTC_TIMESTAMP(6) WHERE id = "
         ":id AND revoke_time IS NULL",
        soci::use(token_id);
    // Servers that cache verified tokens see this before their next call.
    s << "UPDATE access_revocations SET generation = generation + 1 WHERE id "
         "= 1";
    AppendAudit(s, &ctx,
                domain::AuditEntry{"access_token", domain::FormatTokenId(id),
                                   current.store_code});
    token = RequireToken(s, token_id);
    return Status();
  });
  if (!status.ok()) return status;
  return *token;
}

StatusOr<std::int64_t> MySqlAccessRepository::ReadRevocationGeneration() {
  long long generation = 0;
  Status status = db_.WithSession([&](soci::session& s) {
    soci::indicator ind = soci::i_null;
    s << "SELECT generation FROM access_revocations WHERE id = 1",
        soci::into(generation, ind);
    if (!s.got_data() || ind != soci::i_ok) {
      return Status(StatusCode::kInternal, "REVOCATION_GENERATION_MISSING",
                    "the access_revocations row is missing");
    }
    return Status();
  });
  if (!status.ok()) return status;
  return static_cast<std::int64_t>(generation);
}

}  // namespace backoffice::storage
