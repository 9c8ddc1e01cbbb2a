#include "access/domain/access.h"

#include <cctype>

#include "core/domain/errors.h"
#include "core/domain/token_secret.h"
#include "core/domain/validation.h"

namespace backoffice::domain {

Status ValidateAccessToken(const AccessToken& token) {
  if (auto s = ValidateName("display_name", token.display_name); !s.ok()) {
    return s;
  }
  if (token.role == Role::kUnspecified) {
    return InvalidField("role", "is required");
  }
  if (IsChainWide(token.role)) {
    if (!token.store_code.empty() || !token.terminal_code.empty()) {
      return InvalidField("store_code",
                          "head office and admin tokens have no store");
    }
    return Status();
  }
  if (auto s = ValidateCode("store_code", token.store_code); !s.ok()) return s;
  if (token.role == Role::kPosTerminal) {
    return ValidateCode("terminal_code", token.terminal_code);
  }
  if (!token.terminal_code.empty()) {
    return InvalidField("terminal_code", "only till tokens have a terminal");
  }
  return Status();
}

Status CheckTokenSecretFormat(const std::string& secret) {
  if (secret.empty()) {
    return Unauthenticated("MISSING_TOKEN",
                           "send 'authorization: Bearer <token>'");
  }
  // A malformed secret cannot match any hash; refuse it without a lookup.
  if (secret.size() != 67 || secret.rfind("bo_", 0) != 0) {
    return Unauthenticated("INVALID_TOKEN", "the token is not valid");
  }
  return Status();
}

StatusOr<Principal> Access::Authenticate(const std::string& secret) {
  if (Status s = CheckTokenSecretFormat(secret); !s.ok()) return s;
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
  auto request = MakePageRequest(
      page_size, page_token,
      PageScope("access_tokens", PageKeyKind::kSequence).Add(show_revoked));
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

}  // namespace backoffice::domain
