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

const std::string kFrom =
    " FROM party_documents d FORCE INDEX (ix_party_documents_kind) LEFT JOIN "
    "(SELECT u.doc, SUM(u.amount) AS amount FROM (SELECT debit_document_id "
    "AS doc, amount_minor AS amount FROM party_allocations WHERE "
    "allocation_day > :late1 UNION ALL SELECT credit_document_id, "
    "amount_minor FROM party_allocations WHERE allocation_day > :late2) u "
    "GROUP BY u.doc) l ON l.doc = d.id WHERE d.party_kind = :kind AND "
    "d.document_day <= :asof AND (:anystore = 1 OR d.store_id = :sid) AND "
    "(d.allocated_minor < d.amount_minor OR l.doc IS NOT NULL)";

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
      : kind(domain::PartyKindName(scope.kind)),
        as_of(scope.as_of_day),
        any_store(scope.store_id ? 0 : 1),
        store_id(scope.store_id.value_or(0)) {
    for (int bound : domain::kAgeingBucketBounds) {
      starts.push_back(domain::AddDays(as_of, -bound));
    }
  }
  void Apply(soci::details::prepare_temp_type& p) const {
    p, soci::use(starts[0]), soci::use(starts[1]), soci::use(starts[0]),
        soci::use(starts[2]), soci::use(starts[1]), soci::use(starts[3]),
        soci::use(starts[2]), soci::use(starts[3]), soci::use(as_of),
        soci::use(as_of), soci::use(kind), soci::use(as_of),
        soci::use(any_store), soci::use(store_id);
  }
  std::vector<std::string> starts;
  std::string kind;
  std::string as_of;
  long long any_store;
  long long store_id;
};

}  // namespace

std::vector<domain::AgeingRow> ReadAgeingRows(soci::session& s,
                                              const AgeingScope& scope,
                                              long long after_store,
                                              long long after_party,
                                              long long limit) {
  const Binds binds(scope);
  soci::details::prepare_temp_type prepared =
      (s.prepare << "SELECT d.store_id, d.party_id, MIN(d.currency_code), " +
                        kSums + kFrom +
                        " AND (d.store_id > :as1 OR (d.store_id = :as2 AND "
                        "d.party_id > :ap)) GROUP BY d.store_id, d.party_id" +
                        kAnyOpen +
                        " ORDER BY d.store_id, d.party_id LIMIT :lim");
  binds.Apply(prepared);
  prepared, soci::use(after_store), soci::use(after_store),
      soci::use(after_party), soci::use(limit);
  soci::rowset<soci::row> rows(prepared);
  std::vector<domain::AgeingRow> out;
  for (const auto& r : rows) {
    domain::AgeingRow row;
    row.store_id = GetInt64(r, 0);
    row.party_id = GetInt64(r, 1);
    row.party.kind = scope.kind;
    row.currency_code = GetString(r, 2);
    ReadBuckets(r, 3, row.buckets);
    out.push_back(std::move(row));
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
  soci::details::prepare_temp_type prepared =
      (s.prepare << "SELECT d.store_id, MIN(d.currency_code), " + kSums +
                        kFrom + " GROUP BY d.store_id" + kAnyOpen +
                        " ORDER BY d.store_id");
  binds.Apply(prepared);
  soci::rowset<soci::row> rows(prepared);
  std::vector<domain::AgeingRow> out;
  for (const auto& r : rows) {
    domain::AgeingRow row;
    row.store_id = GetInt64(r, 0);
    row.party.kind = scope.kind;
    row.currency_code = GetString(r, 1);
    ReadBuckets(r, 2, row.buckets);
    out.push_back(std::move(row));
  }
  for (auto& row : out) {
    s << "SELECT code FROM stores WHERE id = :s", soci::use(row.store_id),
        soci::into(row.store_code);
  }
  return out;
}

}  // namespace backoffice::storage
