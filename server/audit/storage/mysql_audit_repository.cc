#include "audit/storage/mysql_audit_repository.h"

#include <limits>

#include "core/storage/query.h"
#include "core/storage/sql_util.h"

namespace backoffice::storage {
namespace {

using domain::AuditRecord;

AuditRecord ReadAudit(const soci::row& r) {
  AuditRecord a;
  a.id = GetInt64(r, 0);
  a.create_time = GetInt64(r, 1);
  a.principal_id = GetOptionalInt64(r, 2).value_or(0);
  a.principal_name = GetString(r, 3);
  a.role = domain::RoleFromName(GetString(r, 4))
               .value_or(domain::Role::kUnspecified);
  a.store_code = GetString(r, 5);
  a.method = GetString(r, 6);
  a.entity_type = GetString(r, 7);
  a.entity_id = GetString(r, 8);
  a.request_id = GetString(r, 9);
  a.peer = GetString(r, 10);
  return a;
}

}  // namespace

StatusOr<std::vector<AuditRecord>> MySqlAuditRepository::ListAuditRecords(
    const domain::AuditFilter& f, const domain::PageRequest& page) {
  std::vector<AuditRecord> records;
  Status status = db_.WithSession([&](soci::session& s) {
    long long before =
        page.after_sequence.value_or(std::numeric_limits<long long>::max());
    long long principal = f.principal_id.value_or(0);
    int any_principal = f.principal_id ? 0 : 1;
    long long start = f.start_time.value_or(0);
    // 9999-12-31 in microseconds: later than any record.
    long long end = f.end_time.value_or(253402300799000000LL);
    long long limit = page.page_size + 1;
    records = QueryAll(
        s,
        "SELECT id, " BO_MICROS("create_time") ", principal_id, "
        "principal_name, role, store_code, method, entity_type, entity_id, "
        "request_id, peer FROM audit_records WHERE id < :before "
        "AND (:s1 = '' OR store_code = :s2) AND (:m1 = '' OR method = :m2) "
        "AND (:t1 = '' OR entity_type = :t2) AND (:e1 = '' OR entity_id = :e2) "
        "AND (:ap = 1 OR principal_id = :p) "
        "AND create_time >= TIMESTAMPADD(MICROSECOND, :start, '1970-01-01') "
        "AND create_time < TIMESTAMPADD(MICROSECOND, :end, '1970-01-01') "
        "ORDER BY id DESC LIMIT :limit",
        &ReadAudit, before, f.store_code, f.store_code, f.method, f.method,
        f.entity_type, f.entity_type, f.entity_id, f.entity_id, any_principal,
        principal, start, end, limit);
    return Status();
  });
  if (!status.ok()) return status;
  return records;
}

}  // namespace backoffice::storage
