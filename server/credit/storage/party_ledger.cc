#include "credit/storage/party_ledger.h"

#include <algorithm>

#include "core/domain/errors.h"
#include "core/storage/multi_insert.h"
#include "core/storage/query.h"
#include "core/storage/sql_util.h"
#include "credit/domain/credit_rules.h"

namespace backoffice::storage {
namespace {

using domain::Direction;

std::string KindName(const LedgerParty& party) {
  return domain::PartyKindName(party.kind);
}

struct DocumentRow {
  long long id = 0;
  Direction direction = Direction::kUnspecified;
  long long amount = 0;
  long long allocated = 0;
};

std::optional<DocumentRow> FindBySource(soci::session& s,
                                        const LedgerParty& party,
                                        const std::string& source_type,
                                        const std::string& source_id) {
  return QueryOne(
      s,
      "SELECT id, direction, amount_minor, allocated_minor FROM "
      "party_documents WHERE store_id = :s AND source_type = :t AND "
      "source_id = :i AND party_kind = :k AND party_id = :p",
      +[](const soci::row& r) {
        return DocumentRow{GetInt64(r, 0),
                           domain::DirectionFromName(GetString(r, 1)),
                           GetInt64(r, 2), GetInt64(r, 3)};
      },
      party.store_id, source_type, source_id, KindName(party), party.party_id);
}

std::optional<DocumentRow> FindById(soci::session& s, long long id) {
  return QueryOne(
      s,
      "SELECT id, direction, amount_minor, allocated_minor FROM "
      "party_documents WHERE id = :id",
      +[](const soci::row& r) {
        return DocumentRow{GetInt64(r, 0),
                           domain::DirectionFromName(GetString(r, 1)),
                           GetInt64(r, 2), GetInt64(r, 3)};
      },
      id);
}

}  // namespace

long long PartyLedger::LockAccount(soci::session& s, const LedgerParty& party) {
  long long store = party.store_id;
  std::string kind = KindName(party);
  long long id = party.party_id;
  std::string currency = party.currency_code;
  // ON DUPLICATE KEY UPDATE takes the existing row's exclusive lock
  // directly (INSERT IGNORE would take a shared one first).
  s << "INSERT INTO party_accounts (store_id, party_kind, party_id, "
       "currency_code, balance_minor, update_time) VALUES (:s, :k, :p, :c, 0, "
       "UTC_TIMESTAMP(6)) ON DUPLICATE KEY UPDATE balance_minor = "
       "balance_minor",
      soci::use(store), soci::use(kind), soci::use(id), soci::use(currency);
  long long balance = 0;
  s << "SELECT balance_minor FROM party_accounts WHERE store_id = :s AND "
       "party_kind = :k AND party_id = :p FOR UPDATE",
      soci::use(store), soci::use(kind), soci::use(id), soci::into(balance);
  return balance;
}

long long PartyLedger::Append(soci::session& s, const LedgerParty& party,
                              const LedgerDocument& d) {
  MultiInsert insert(
      "INSERT INTO party_documents (store_id, party_kind, party_id, "
      "document_type, direction, source_type, source_id, source_pk, "
      "payment_id, fingerprint, currency_code, amount_minor, document_day, "
      "due_day, payment_method, reference, terminal_id, reverses_document_id, "
      "note, recorded_by, recorded_by_name, create_time)",
      21,
      "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "UTC_TIMESTAMP(6))");
  auto optional_text = [](const std::optional<std::string>& v) {
    return v ? MultiInsert::Value(*v) : MultiInsert::Value(std::nullopt);
  };
  MultiInsert::Value method =
      d.payment_method == domain::PaymentMethod::kUnspecified
          ? MultiInsert::Value(std::nullopt)
          : MultiInsert::Value(
                std::string(domain::PaymentMethodName(d.payment_method)));
  insert.AddRow({party.store_id,
                 KindName(party),
                 party.party_id,
                 std::string(domain::PartyDocumentTypeName(d.type)),
                 std::string(domain::DirectionName(d.direction)),
                 d.source_type,
                 d.source_id,
                 d.source_pk,
                 optional_text(d.payment_id),
                 optional_text(d.fingerprint),
                 party.currency_code,
                 d.amount_minor,
                 d.document_day,
                 d.due_day,
                 method,
                 d.reference,
                 d.terminal_id,
                 d.reverses_document_id,
                 d.note,
                 d.recorded_by,
                 d.recorded_by_name});
  insert.Execute(s);
  const long long id = LastInsertId(s);
  long long delta =
      d.direction == Direction::kDebit ? d.amount_minor : -d.amount_minor;
  long long store = party.store_id;
  std::string kind = KindName(party);
  long long party_id = party.party_id;
  s << "UPDATE party_accounts SET balance_minor = balance_minor + :d, "
       "update_time = UTC_TIMESTAMP(6) WHERE store_id = :s AND party_kind = "
       ":k AND party_id = :p",
      soci::use(delta), soci::use(store), soci::use(kind), soci::use(party_id);
  return id;
}

void PartyLedger::Allocate(soci::session& s, const LedgerParty& party,
                           long long debit_id, long long credit_id,
                           long long amount_minor, const std::string& day,
                           long long made_by) {
  long long store = party.store_id;
  std::string kind = KindName(party);
  long long party_id = party.party_id;
  std::string floor_day = day.empty() ? "1000-01-01" : day;
  // An allocation counts from the later of its two documents' days (and
  // the day it was made on, for the undoing rows of a reversal), so that
  // ageing as of an earlier day never sees it.
  s << "INSERT INTO party_allocations (store_id, party_kind, party_id, "
       "debit_document_id, credit_document_id, amount_minor, allocation_day, "
       "made_by_document_id, create_time) SELECT :s, :k, :p, d.id, c.id, :a, "
       "GREATEST(d.document_day, c.document_day, :day), :m, UTC_TIMESTAMP(6) "
       "FROM party_documents d JOIN party_documents c ON c.id = :c WHERE d.id "
       "= :d",
      soci::use(store), soci::use(kind), soci::use(party_id),
      soci::use(amount_minor), soci::use(floor_day), soci::use(made_by),
      soci::use(credit_id), soci::use(debit_id);
  s << "UPDATE party_documents SET allocated_minor = allocated_minor + :a "
       "WHERE id IN (:d, :c)",
      soci::use(amount_minor), soci::use(debit_id), soci::use(credit_id);
}

std::vector<domain::OpenItem> PartyLedger::OpenItems(soci::session& s,
                                                     const LedgerParty& party,
                                                     Direction direction) {
  return QueryAll(
      s,
      "SELECT id, DATE_FORMAT(due_day, '%Y-%m-%d'), amount_minor - "
      "allocated_minor FROM party_documents WHERE store_id = :s AND "
      "party_kind = :k AND party_id = :p AND direction = :d AND "
      "is_open = 1 ORDER BY due_day, id",
      +[](const soci::row& r) {
        return domain::OpenItem{GetInt64(r, 0), GetString(r, 1),
                                GetInt64(r, 2)};
      },
      party.store_id, KindName(party), party.party_id,
      std::string(domain::DirectionName(direction)));
}

void PartyLedger::ApplyOpenCreditsTo(soci::session& s, const LedgerParty& party,
                                     long long debit_id, long long amount_minor,
                                     const std::string& day) {
  long long left = amount_minor;
  for (const auto& credit : OpenItems(s, party, Direction::kCredit)) {
    if (left == 0) break;
    const long long take = std::min<long long>(left, credit.open_minor);
    Allocate(s, party, debit_id, credit.document_number, take, day, debit_id);
    left -= take;
  }
}

void PartyLedger::ApplyToOpenDebits(soci::session& s, const LedgerParty& party,
                                    long long credit_id, long long amount_minor,
                                    const std::string& day, long long made_by) {
  long long left = amount_minor;
  for (const auto& debit : OpenItems(s, party, Direction::kDebit)) {
    if (left == 0) break;
    const long long take = std::min<long long>(left, debit.open_minor);
    Allocate(s, party, debit.document_number, credit_id, take, day, made_by);
    left -= take;
  }
}

std::vector<domain::OpenItem> PartyLedger::Unallocate(
    soci::session& s, const LedgerParty& party, long long document_id,
    Direction direction, const std::string& day, long long made_by) {
  const bool is_debit = direction == Direction::kDebit;
  auto counterparts = QueryAll(
      s,
      std::string("SELECT ") +
          (is_debit ? "credit_document_id" : "debit_document_id") +
          ", '', CAST(SUM(amount_minor) AS SIGNED) FROM party_allocations "
          "WHERE " +
          (is_debit ? "debit_document_id" : "credit_document_id") +
          " = :id GROUP BY 1 HAVING SUM(amount_minor) > 0 ORDER BY 1",
      +[](const soci::row& r) {
        return domain::OpenItem{GetInt64(r, 0), GetString(r, 1),
                                GetInt64(r, 2)};
      },
      document_id);
  for (const auto& other : counterparts) {
    if (is_debit) {
      Allocate(s, party, document_id, other.document_number, -other.open_minor,
               day, made_by);
    } else {
      Allocate(s, party, other.document_number, document_id, -other.open_minor,
               day, made_by);
    }
  }
  return counterparts;
}

long long PartyLedger::Reverse(soci::session& s, const LedgerParty& party,
                               long long document_id, LedgerDocument reversal) {
  auto original = FindById(s, document_id);
  if (!original) {
    Fail(domain::Internal("DOCUMENT_VANISHED", "a reversed document is gone"));
  }
  reversal.type = domain::PartyDocumentType::kReversal;
  reversal.direction = original->direction == Direction::kDebit
                           ? Direction::kCredit
                           : Direction::kDebit;
  reversal.amount_minor = original->amount;
  reversal.reverses_document_id = document_id;
  const long long reversal_id = Append(s, party, reversal);
  const std::string& day = reversal.document_day;
  auto freed =
      Unallocate(s, party, document_id, original->direction, day, reversal_id);
  if (original->direction == Direction::kDebit) {
    Allocate(s, party, document_id, reversal_id, original->amount, day,
             reversal_id);
    // What paid the reversed charge is free again: it pays what else is
    // open, oldest due first, and the rest stays an open credit.
    for (const auto& credit : freed) {
      ApplyToOpenDebits(s, party, credit.document_number, credit.open_minor,
                        day, reversal_id);
    }
  } else {
    Allocate(s, party, reversal_id, document_id, original->amount, day,
             reversal_id);
  }
  return reversal_id;
}

void PartyLedger::PostAll(soci::session& s,
                          std::vector<PendingPosting> postings) {
  std::stable_sort(postings.begin(), postings.end(),
                   [](const PendingPosting& a, const PendingPosting& b) {
                     return a.party < b.party;
                   });
  for (const auto& p : postings) LockAccount(s, p.party);
  for (auto& p : postings) {
    if (p.reverses_sale_id) {
      auto charge = FindBySource(s, p.party, "SALE", *p.reverses_sale_id);
      if (!charge) continue;  // Nothing was charged: nothing to reverse.
      Reverse(s, p.party, charge->id, p.document);
      continue;
    }
    const long long id = Append(s, p.party, p.document);
    const std::string& day = p.document.document_day;
    if (p.document.direction == Direction::kDebit) {
      ApplyOpenCreditsTo(s, p.party, id, p.document.amount_minor, day);
      continue;
    }
    long long left = p.document.amount_minor;
    if (p.settle_with_sale_id) {
      if (auto charge =
              FindBySource(s, p.party, "SALE", *p.settle_with_sale_id);
          charge && charge->allocated < charge->amount) {
        const long long take =
            std::min(left, charge->amount - charge->allocated);
        Allocate(s, p.party, charge->id, id, take, day, id);
        left -= take;
      }
    }
    if (left > 0) ApplyToOpenDebits(s, p.party, id, left, day, id);
  }
}

}  // namespace backoffice::storage
