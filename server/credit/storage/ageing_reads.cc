#include "credit/storage/ageing_reads.h"

#include "core/storage/query.h"
#include "core/storage/sql_util.h"
#include "credit/domain/credit_rules.h"

namespace backoffice::storage {
namespace {

const std::string kOpen =
    "(d.amount_minor - d.allocated_minor + COALESCE(l.amount, 0))";

std::string DebitSum(const std::string& range) {
  // DECIMAL sums are read as integers, never through a double.
  return "CAST(COALESCE(SUM(CASE WHEN d.direction = 'DEBIT' AND " + range +
         " THEN " + kOpen + " END), 0) AS SIGNED), ";
}

// The five buckets and the unallocated credit. A debit due on or after the
// first day of a bucket (the day aged less the bucket's bound,
// credit_rules.h) and before the previous bucket's is in it.
const std::string kSums =
    DebitSum("d.due_day >= :b0") +
    DebitSum("d.due_day >= :b1 AND d.due_day < :b0x") +
    DebitSum("d.due_day >= :b2 AND d.due_day < :b1x") +
    DebitSum("d.due_day >= :b3 AND d.due_day < :b2x") +
    DebitSum("d.due_day < :b3x") +
    "CAST(COALESCE(SUM(CASE WHEN d.direction = 'CREDIT' THEN " + kOpen +
    " END), 0) AS SIGNED)";

// One store's documents of a kind, with the allocations dated after the
// day (of that store only) added back.
const std::string kFrom =
    " FROM party_documents d FORCE INDEX (ix_party_documents_kind) LEFT JOIN "
    "(SELECT u.doc, SUM(u.amount) AS amount FROM (SELECT debit_document_id "
    "AS doc, amount_minor AS amount FROM party_allocations WHERE store_id = "
    ":ls1 AND allocation_day > :late1 UNION ALL SELECT credit_document_id, "
    "amount_minor FROM party_allocations WHERE store_id = :ls2 AND "
    "allocation_day > :late2) u GROUP BY u.doc) l ON l.doc = d.id WHERE "
    "d.party_kind = :kind AND d.store_id = :sid AND d.document_day <= :asof "
    "AND (d.allocated_minor < d.amount_minor OR l.doc IS NOT NULL)";

const std::string kAnyOpen = " HAVING COALESCE(SUM(" + kOpen + "), 0) <> 0";

void ReadBuckets(const soci::row& r, int first, domain::AgeingBuckets& b) {
  b.current_minor = GetInt64(r, first);
  b.days_1_30_minor = GetInt64(r, first + 1);
  b.days_31_60_minor = GetInt64(r, first + 2);
  b.days_61_90_minor = GetInt64(r, first + 3);
  b.over_90_minor = GetInt64(r, first + 4);
  b.unallocated_credit_minor = GetInt64(r, first + 5);
}

// Binds the sums' and the FROM's placeholders, in the order they stand.
struct Binds {
  explicit Binds(const AgeingScope& scope)
      : kind(domain::PartyKindName(scope.kind)), as_of(scope.as_of_day) {
    for (int bound : domain::kAgeingBucketBounds) {
      starts.push_back(domain::AddDays(as_of, -bound));
    }
  }
  void Apply(soci::details::prepare_temp_type& p,
             const long long& store_id) const {
    p, soci::use(starts[0]), soci::use(starts[1]), soci::use(starts[0]),
        soci::use(starts[2]), soci::use(starts[1]), soci::use(starts[3]),
        soci::use(starts[2]), soci::use(starts[3]), soci::use(store_id),
        soci::use(as_of), soci::use(store_id), soci::use(as_of),
        soci::use(kind), soci::use(store_id), soci::use(as_of);
  }
  std::vector<std::string> starts;
  std::string kind;
  std::string as_of;
};

// The stores of the scope from `first_store` on, in id order.
std::vector<long long> StoresFrom(soci::session& s, const AgeingScope& scope,
                                  long long first_store) {
  if (scope.store_id) {
    if (*scope.store_id < first_store) return {};
    return {*scope.store_id};
  }
  return QueryAll(
      s, "SELECT id FROM stores WHERE id >= :f ORDER BY id",
      +[](const soci::row& r) -> long long { return GetInt64(r, 0); },
      first_store);
}

}  // namespace

std::vector<domain::AgeingRow> ReadAgeingRows(soci::session& s,
                                              const AgeingScope& scope,
                                              long long after_store,
                                              long long after_party,
                                              long long limit) {
  const Binds binds(scope);
  std::vector<domain::AgeingRow> out;
  // Store by store, so that a page reads only the stores it covers.
  for (long long store_id : StoresFrom(s, scope, after_store)) {
    long long after = store_id == after_store ? after_party : 0;
    long long left = limit - static_cast<long long>(out.size());
    if (left <= 0) break;
    soci::details::prepare_temp_type prepared =
        (s.prepare << "SELECT d.party_id, MIN(d.currency_code), " + kSums +
                          kFrom + " AND d.party_id > :ap GROUP BY d.party_id" +
                          kAnyOpen + " ORDER BY d.party_id LIMIT :lim");
    binds.Apply(prepared, store_id);
    prepared, soci::use(after), soci::use(left);
    soci::rowset<soci::row> rows(prepared);
    for (const auto& r : rows) {
      domain::AgeingRow row;
      row.store_id = store_id;
      row.party_id = GetInt64(r, 0);
      row.party.kind = scope.kind;
      row.currency_code = GetString(r, 1);
      ReadBuckets(r, 2, row.buckets);
      out.push_back(std::move(row));
    }
  }
  return out;
}

void NameAgeingRows(soci::session& s, domain::PartyKind kind,
                    std::vector<domain::AgeingRow>& rows) {
  const std::string party_table =
      kind == domain::PartyKind::kCustomer ? "customers" : "suppliers";
  for (auto& row : rows) {
    s << "SELECT st.code, p.code, p.display_name FROM stores st, " +
             party_table + " p WHERE st.id = :s AND p.id = :p",
        soci::use(row.store_id), soci::use(row.party_id),
        soci::into(row.store_code), soci::into(row.party.code),
        soci::into(row.display_name);
  }
}

std::vector<domain::AgeingRow> ReadAgeingTotals(soci::session& s,
                                                const AgeingScope& scope) {
  const Binds binds(scope);
  std::vector<domain::AgeingRow> out;
  for (long long store_id : StoresFrom(s, scope, 0)) {
    soci::details::prepare_temp_type prepared =
        (s.prepare << "SELECT COUNT(*), MIN(d.currency_code), " + kSums +
                          kFrom);
    binds.Apply(prepared, store_id);
    soci::rowset<soci::row> rows(prepared);
    for (const auto& r : rows) {
      if (GetInt64(r, 0) == 0) continue;  // Nothing open in this store.
      domain::AgeingRow row;
      row.store_id = store_id;
      row.party.kind = scope.kind;
      row.currency_code = GetString(r, 1);
      ReadBuckets(r, 2, row.buckets);
      if (row.buckets.total_minor() == 0 &&
          row.buckets.unallocated_credit_minor == 0) {
        continue;
      }
      s << "SELECT code FROM stores WHERE id = :s", soci::use(store_id),
          soci::into(row.store_code);
      out.push_back(std::move(row));
    }
  }
  return out;
}

}  // namespace backoffice::storage
