#include "core/storage/sql_util.h"

#include <cctype>

#include "core/domain/errors.h"
#include "core/storage/database.h"

namespace backoffice::storage {

std::int64_t GetInt64(const soci::row& row, std::size_t i) {
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_integer:
      return row.get<int>(i);
    case soci::dt_long_long:
      return row.get<long long>(i);
    case soci::dt_unsigned_long_long:
      return static_cast<std::int64_t>(row.get<unsigned long long>(i));
    case soci::dt_string:
      return std::stoll(row.get<std::string>(i));
    default:
      return static_cast<std::int64_t>(row.get<double>(i));
  }
}

std::optional<std::int64_t> GetOptionalInt64(const soci::row& row,
                                             std::size_t i) {
  if (row.get_indicator(i) == soci::i_null) return std::nullopt;
  return GetInt64(row, i);
}

std::string GetString(const soci::row& row, std::size_t i) {
  if (row.get_indicator(i) == soci::i_null) return "";
  return row.get<std::string>(i);
}

bool GetBool(const soci::row& row, std::size_t i) {
  return GetInt64(row, i) != 0;
}

void AppendAudit(soci::session& session, const domain::RequestContext* ctx,
                 const domain::AuditEntry& entry) {
  long long principal_id = ctx ? ctx->principal.token_id : 0;
  soci::indicator principal_ind = ctx ? soci::i_ok : soci::i_null;
  std::string principal_name = ctx ? ctx->principal.display_name : "system";
  std::string role = ctx ? domain::RoleName(ctx->principal.role) : "SYSTEM";
  std::string method = ctx ? ctx->method : "backofficed bootstrap-admin";
  std::string request_id = ctx ? ctx->request_id : "";
  soci::indicator request_ind = request_id.empty() ? soci::i_null : soci::i_ok;
  std::string peer = ctx ? ctx->peer : "local";
  std::string store_code = entry.store_code;
  soci::indicator store_ind = store_code.empty() ? soci::i_null : soci::i_ok;
  std::string entity_type = entry.entity_type;
  std::string entity_id = entry.entity_id;
  session << "INSERT INTO audit_records (create_time, principal_id, "
             "principal_name, role, store_code, method, entity_type, "
             "entity_id, request_id, peer) VALUES (UTC_TIMESTAMP(6), :pid, "
             ":pname, :role, :store, :method, :etype, :eid, :rid, :peer)",
      soci::use(principal_id, principal_ind), soci::use(principal_name),
      soci::use(role), soci::use(store_code, store_ind), soci::use(method),
      soci::use(entity_type), soci::use(entity_id),
      soci::use(request_id, request_ind), soci::use(peer);
}

std::int64_t RequireStoreId(soci::session& session, const std::string& code) {
  long long id = 0;
  soci::indicator ind = soci::i_null;
  session << "SELECT id FROM stores WHERE code = :code", soci::use(code),
      soci::into(id, ind);
  if (!session.got_data() || ind != soci::i_ok) {
    Fail(domain::NotFound("STORE_NOT_FOUND", "store " + code + " not found"));
  }
  return id;
}

StoreRow RequireStoreRow(soci::session& session, const std::string& code) {
  StoreRow row;
  session << "SELECT id, code, currency_code, time_zone FROM stores WHERE "
             "code = :code",
      soci::use(code), soci::into(row.id), soci::into(row.code),
      soci::into(row.currency_code), soci::into(row.time_zone);
  if (!session.got_data()) {
    Fail(domain::NotFound("STORE_NOT_FOUND", "store " + code + " not found"));
  }
  return row;
}

void ExecuteOrConflict(const std::function<void()>& statement,
                       const std::string& reason, const std::string& message) {
  try {
    statement();
  } catch (const soci::soci_error& e) {
    if (MysqlErrorNumber(e) == 1062) {
      Fail(domain::AlreadyExists(reason, message));
    }
    throw;
  }
}

void Fail(Status status) { throw StatusError{std::move(status)}; }

long long LastInsertId(soci::session& session) {
  long long id = 0;
  if (!session.get_last_insert_id("", id) || id == 0) {
    session << "SELECT LAST_INSERT_ID()", soci::into(id);
  }
  return id;
}

std::string ContainsPattern(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out + "%";
}

// Whether `e` is a duplicate on the unique key `key`. Only the text after
// "for key '" is matched: before it stand the duplicated values, which a
// client chose. MariaDB names the key alone, MySQL 8 as table.key.
bool IsDuplicateOf(const soci::soci_error& e, const char* key) {
  if (MysqlErrorNumber(e) != 1062) return false;
  const std::string message = e.get_error_message();
  const auto at = message.rfind("for key '");
  if (at == std::string::npos) return false;
  std::string name = message.substr(at + 9);
  name = name.substr(0, name.find('\''));
  name = name.substr(
      name.rfind('.') == std::string::npos ? 0 : name.rfind('.') + 1);
  return name == key;
}

}  // namespace backoffice::storage
