#include "domain/access.h"

#include <cctype>

#include "domain/errors.h"
#include "domain/token_secret.h"
#include "domain/validation.h"

namespace backoffice::domain {

std::string FormatTokenId(std::int64_t id) {
  return "tok_" + std::to_string(id);
}

StatusOr<std::int64_t> ParseTokenId(const std::string& text) {
  const std::string digits = text.rfind("tok_", 0) == 0 ? text.substr(4) : text;
  if (digits.empty() || digits.size() > 18) {
    return InvalidField("id", "must look like tok_12");
  }
  std::int64_t id = 0;
  for (char c : digits) {
    if (!std::isdigit(static_cast<unsigned char>(c))) {
      return InvalidField("id", "must look like tok_12");
    }
    id = id * 10 + (c - '0');
  }
  return id;
}

StatusOr<Principal> Access::Authenticate(const std::string& secret) {
  if (secret.empty()) {
    return Unauthenticated("MISSING_TOKEN",
                           "send 'authorization: Bearer <token>'");
  }
  // A malformed secret cannot match any hash; refuse it without a lookup.
  if (secret.size() != 67 || secret.rfind("bo_", 0) != 0) {
    return Unauthenticated("INVALID_TOKEN", "the token is not valid");
  }
  return repository_.FindPrincipalByTokenHash(HashTokenSecret(secret));
}

StatusOr<CreatedToken> Access::CreateToken(const RequestContext& ctx,
                                           const AccessToken& token) {
  if (auto s = ValidateRequestId(ctx.request_id); !s.ok()) return s;
  if (auto s = ValidateAccessToken(token); !s.ok()) return s;
  CreatedToken created;
  created.secret = GenerateTokenSecret();
  auto stored =
      repository_.CreateToken(token, HashTokenSecret(created.secret), &ctx);
  if (!stored.ok()) return stored.status();
  created.token = *std::move(stored);
  return created;
}

StatusOr<CreatedToken> Access::BootstrapAdmin(const std::string& display_name) {
  AccessToken token;
  token.display_name = display_name;
  token.role = Role::kAdmin;
  if (auto s = ValidateAccessToken(token); !s.ok()) return s;
  CreatedToken created;
  created.secret = GenerateTokenSecret();
  auto stored =
      repository_.CreateToken(token, HashTokenSecret(created.secret), nullptr);
  if (!stored.ok()) return stored.status();
  created.token = *std::move(stored);
  return created;
}

StatusOr<Page<AccessToken>> Access::ListTokens(const RequestContext&,
                                               bool show_revoked, int page_size,
                                               const std::string& page_token) {
  auto request = MakePageRequest(page_size, page_token);
  if (!request.ok()) return request.status();
  auto items = repository_.ListTokens(show_revoked, *request);
  if (!items.ok()) return items.status();
  return MakePage(std::move(*items), *request,
                  [](const AccessToken& t) { return std::to_string(t.id); });
}

StatusOr<AccessToken> Access::RevokeToken(const RequestContext& ctx,
                                          const std::string& token_id) {
  if (auto s = ValidateRequestId(ctx.request_id); !s.ok()) return s;
  auto id = ParseTokenId(token_id);
  if (!id.ok()) return id.status();
  return repository_.RevokeToken(*id, ctx);
}

StatusOr<AccessToken> Access::GetCallerIdentity(const RequestContext& ctx) {
  return repository_.GetToken(ctx.principal.token_id);
}

StatusOr<Page<AuditRecord>> AuditLog::List(const AuditFilter& filter,
                                           int page_size,
                                           const std::string& page_token) {
  auto request = MakePageRequest(page_size, page_token);
  if (!request.ok()) return request.status();
  if (!request->after_key.empty()) {
    auto key = ParseTokenId(request->after_key);
    if (!key.ok()) {
      return InvalidArgument("INVALID_PAGE_TOKEN", "page_token is not valid");
    }
  }
  if (filter.start_time && filter.end_time &&
      *filter.end_time <= *filter.start_time) {
    return InvalidField("end_time", "must be after start_time");
  }
  auto items = repository_.ListAuditRecords(filter, *request);
  if (!items.ok()) return items.status();
  return MakePage(std::move(*items), *request,
                  [](const AuditRecord& r) { return std::to_string(r.id); });
}

}  // namespace backoffice::domain
