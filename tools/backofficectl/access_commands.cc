// token, audit and health: access tokens, the audit trail and the server's
// health.
#include <google/protobuf/descriptor.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <string>

#include "backoffice/v1/common.pb.h"
#include "commands.h"

namespace backoffice::ctl {
namespace {

using google::protobuf::Timestamp;

// --- token ---

struct TokenCreateFlags {
  std::string name;
  std::string role;
  std::string store;
  std::string terminal;
  std::string request_id;
};

// The secret appears in this one response only, so the table view sets it
// apart from the token's fields and says so.
int PrintCreatedToken(const Session& session,
                      const StatusOr<v1::CreateAccessTokenResponse>& response) {
  if (!response.ok()) return Fail(response.status());
  if (session.format() != OutputFormat::kTable) {
    // JSON and CSV carry the whole response, secret included, for scripts.
    Status printed = PrintMessage(std::cout, session.format(), *response);
    return printed.ok() ? kExitOk : Fail(printed);
  }
  Status printed =
      PrintMessage(std::cout, session.format(), response->access_token());
  if (!printed.ok()) return Fail(printed);
  std::cout << "\nSECRET: " << response->secret() << "\n\n"
            << "This secret is shown only now and cannot be retrieved "
               "later: store it safely.\nSend it as `authorization: Bearer "
               "<secret>` (backofficectl: BACKOFFICE_TOKEN).\n";
  return kExitOk;
}

void AddTokenCommands(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "token",
      "access tokens: create, list, revoke (admins) and whoami (anyone)");
  group->require_subcommand(1);

  auto create_flags = std::make_shared<TokenCreateFlags>();
  CLI::App* create = group->add_subcommand(
      "create", "create a token and print its secret, once");
  create
      ->add_option("--name", create_flags->name,
                   "who or what holds the token, 1-200 characters")
      ->required();
  create->add_option("--role", create_flags->role, "the token's role")
      ->required()
      ->check(CLI::IsMember({"POS_TERMINAL", "STORE_STAFF", "STORE_MANAGER",
                             "HEAD_OFFICE", "ADMIN"},
                            CLI::ignore_case));
  create->add_option("--store", create_flags->store,
                     "the token's store (POS_TERMINAL, STORE_STAFF, "
                     "STORE_MANAGER)");
  create->add_option("--terminal", create_flags->terminal,
                     "the till a POS_TERMINAL token is bound to");
  AddRequestIdFlag(create, create_flags->request_id);
  SetAction(create, selected, [f = create_flags](const Session& session) {
    v1::CreateAccessTokenRequest request;
    v1::AccessToken& token = *request.mutable_access_token();
    token.set_display_name(f->name);
    // The flag's check has accepted the name in any case.
    std::string role_name = "ROLE_" + f->role;
    std::transform(
        role_name.begin(), role_name.end(), role_name.begin(),
        [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    v1::Role role = v1::ROLE_UNSPECIFIED;
    v1::Role_Parse(role_name, &role);
    token.set_role(role);
    token.set_store_code(f->store);
    token.set_terminal_code(f->terminal);
    request.set_request_id(RequestIdOrNew(f->request_id));
    return PrintCreatedToken(session,
                             session.access().CreateAccessToken(request));
  });

  struct ListFlags {
    bool show_revoked = false;
    PageFlags page;
  };
  auto list_flags = std::make_shared<ListFlags>();
  CLI::App* list =
      group->add_subcommand("list", "list tokens, without their secrets");
  list->add_flag("--show-revoked", list_flags->show_revoked,
                 "include revoked tokens");
  AddPageFlags(list, list_flags->page);
  SetAction(list, selected, [f = list_flags](const Session& session) {
    v1::ListAccessTokensRequest request;
    request.set_show_revoked(f->show_revoked);
    AccessClient access = session.access();
    return ListPages(session, request, f->page,
                     [&](const auto& r) { return access.ListAccessTokens(r); });
  });

  struct RevokeFlags {
    std::string id;
    std::string request_id;
  };
  auto revoke_flags = std::make_shared<RevokeFlags>();
  CLI::App* revoke = group->add_subcommand(
      "revoke", "revoke a token; it fails from its next call on");
  revoke->add_option("--id", revoke_flags->id, "the token's id, such as tok_12")
      ->required();
  AddRequestIdFlag(revoke, revoke_flags->request_id);
  SetAction(revoke, selected, [f = revoke_flags](const Session& session) {
    v1::RevokeAccessTokenRequest request;
    request.set_id(f->id);
    request.set_request_id(RequestIdOrNew(f->request_id));
    return PrintResponse(session, session.access().RevokeAccessToken(request));
  });

  CLI::App* whoami =
      group->add_subcommand("whoami", "show the token this CLI calls with");
  SetAction(whoami, selected, [](const Session& session) {
    return PrintResponse(session, session.access().GetCallerIdentity(
                                      v1::GetCallerIdentityRequest()));
  });
}

// --- audit ---

struct AuditFlags {
  std::string store;
  std::string method;
  std::string entity_type;
  std::string entity_id;
  std::string principal;
  std::optional<Timestamp> since;
  std::optional<Timestamp> until;
  PageFlags page;
};

// The audit trail records full method names; a bare name such as
// "CreateStore" is completed from the services this CLI knows. An unknown
// name is sent as given: the server may be newer than the CLI.
std::string FullMethodName(const std::string& method) {
  if (method.empty() || method.find('/') != std::string::npos) return method;
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  for (const char* service_name :
       {"backoffice.v1.CatalogService", "backoffice.v1.AccessService",
        "backoffice.v1.AuditService", "backoffice.v1.SalesService",
        "backoffice.v1.InventoryService",
        "backoffice.v1.ReconciliationService"}) {
    const auto* service = pool->FindServiceByName(service_name);
    if (service != nullptr && service->FindMethodByName(method) != nullptr) {
      return "/" + service->full_name() + "/" + method;
    }
  }
  return method;
}

void AddAuditCommands(CLI::App& root, Action& selected) {
  CLI::App* group =
      root.add_subcommand("audit", "the audit trail of every change (admins)");
  group->require_subcommand(1);

  auto flags = std::make_shared<AuditFlags>();
  CLI::App* list = group->add_subcommand(
      "list", "list audit records, newest first; every filter is optional");
  list->add_option("--store", flags->store, "only changes of this store");
  list->add_option("--method", flags->method,
                   "only this method: a full name such as "
                   "/backoffice.v1.CatalogService/CreateStore, or just "
                   "CreateStore");
  list->add_option("--entity-type", flags->entity_type,
                   "only this kind of entity, such as store or product");
  list->add_option("--entity-id", flags->entity_id,
                   "only this entity, such as a store code or a SKU");
  list->add_option("--principal", flags->principal,
                   "only changes made with this token id, such as tok_12");
  AddParsedFlag(list, "--since", flags->since, ParseTimestamp,
                "only records at or after this RFC 3339 time", "TIME");
  AddParsedFlag(list, "--until", flags->until, ParseTimestamp,
                "only records before this RFC 3339 time", "TIME");
  AddPageFlags(list, flags->page);
  SetAction(list, selected, [f = flags](const Session& session) {
    v1::ListAuditRecordsRequest request;
    request.set_store_code(f->store);
    request.set_method(FullMethodName(f->method));
    request.set_entity_type(f->entity_type);
    request.set_entity_id(f->entity_id);
    request.set_principal_id(f->principal);
    if (f->since) *request.mutable_start_time() = *f->since;
    if (f->until) *request.mutable_end_time() = *f->until;
    AuditClient audit = session.audit();
    return ListPages(session, request, f->page,
                     [&](const auto& r) { return audit.ListAuditRecords(r); });
  });
}

// --- health ---

void AddHealthCommand(CLI::App& root, Action& selected) {
  CLI::App* health = root.add_subcommand(
      "health",
      "print SERVING or NOT_SERVING (the server serves while its database "
      "answers); exits 0 only when SERVING");
  SetAction(health, selected, [](const Session& session) {
    auto serving = CheckServing(session.connection());
    if (!serving.ok()) return Fail(serving.status());
    std::cout << (*serving ? "SERVING" : "NOT_SERVING") << '\n';
    return *serving ? kExitOk : kExitFailure;
  });
}

}  // namespace

void AddAccessCommands(CLI::App& app, Action& selected) {
  AddTokenCommands(app, selected);
  AddAuditCommands(app, selected);
  AddHealthCommand(app, selected);
}

}  // namespace backoffice::ctl
