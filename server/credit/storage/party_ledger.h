// The party ledger's write side, the one way a debt changes: sales (charges,
// credit notes, reversals of voids), receipts (payables) and payments post
// documents through it. Every posting first locks the party's account row
// (created at zero on first use), so that the postings and authorizations
// of one party are serialised on one row and its balance, documents and
// allocations always agree; several parties are locked in (store, kind,
// party) order. Reads of the party's documents under that lock need no
// locks of their own: every writer holds the account.
#ifndef BACKOFFICE_SERVER_CREDIT_STORAGE_PARTY_LEDGER_H_
#define BACKOFFICE_SERVER_CREDIT_STORAGE_PARTY_LEDGER_H_

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "credit/domain/credit_model.h"

namespace backoffice::storage {

struct LedgerParty {
  long long store_id = 0;
  domain::PartyKind kind = domain::PartyKind::kUnspecified;
  long long party_id = 0;
  std::string currency_code;

  friend bool operator<(const LedgerParty& a, const LedgerParty& b) {
    if (a.store_id != b.store_id) return a.store_id < b.store_id;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.party_id < b.party_id;
  }
};

// A document to append. Amounts are above zero; the direction says which
// way it moves the balance.
struct LedgerDocument {
  domain::PartyDocumentType type = domain::PartyDocumentType::kUnspecified;
  domain::Direction direction = domain::Direction::kUnspecified;
  std::string source_type;
  std::string source_id;
  std::optional<long long> source_pk;
  std::optional<std::string> payment_id;
  std::optional<std::string> fingerprint;
  long long amount_minor = 0;
  std::string document_day;
  std::string due_day;
  domain::PaymentMethod payment_method = domain::PaymentMethod::kUnspecified;
  std::string reference;
  std::optional<long long> terminal_id;
  std::optional<long long> reverses_document_id;
  std::string note;
  std::string recorded_by;
  std::string recorded_by_name;
};

// A charge, credit note or reversal that a sale, return or void posts, to
// be written when the unit of work flushes.
struct PendingPosting {
  LedgerParty party;
  LedgerDocument document;
  // Credit notes: the sale whose charge it is set against first.
  std::optional<std::string> settle_with_sale_id;
  // Voids: the sale whose charge this reverses (the document is then the
  // reversal, its amount the charge's).
  std::optional<std::string> reverses_sale_id;
};

class PartyLedger {
 public:
  // Locks the party's account row, creating it at zero; returns the
  // balance. The statement takes the row's exclusive lock at once, so two
  // first postings of one party do not deadlock on shared locks.
  static long long LockAccount(soci::session& s, const LedgerParty& party);

  // Appends a document and moves the balance; the account must be locked.
  // Returns the document's id.
  static long long Append(soci::session& s, const LedgerParty& party,
                          const LedgerDocument& document);

  // Sets `amount` of a credit document against a debit document (negative:
  // undoes part of an earlier allocation) and keeps both documents'
  // allocated amounts. `made_by` is the document whose posting makes it,
  // so that a replay of that posting returns exactly its allocations.
  static void Allocate(soci::session& s, const LedgerParty& party,
                       long long debit_id, long long credit_id,
                       long long amount_minor, const std::string& day,
                       long long made_by);

  // The party's open documents of one direction, oldest due first.
  static std::vector<domain::OpenItem> OpenItems(soci::session& s,
                                                 const LedgerParty& party,
                                                 domain::Direction direction);

  // A new debit uses up the party's open credits, oldest first.
  static void ApplyOpenCreditsTo(soci::session& s, const LedgerParty& party,
                                 long long debit_id, long long amount_minor,
                                 const std::string& day);
  // A credit is set against open debits oldest due first; what is left
  // stays open.
  static void ApplyToOpenDebits(soci::session& s, const LedgerParty& party,
                                long long credit_id, long long amount_minor,
                                const std::string& day, long long made_by);

  // Undoes every allocation of a document (negative rows dated `day`);
  // returns the counterpart documents freed, with the amounts.
  static std::vector<domain::OpenItem> Unallocate(
      soci::session& s, const LedgerParty& party, long long document_id,
      domain::Direction direction, const std::string& day, long long made_by);

  // Posts what sales, returns and voids queued: the accounts are locked in
  // (store, kind, party) order, then each document is appended and set
  // against what is open.
  static void PostAll(soci::session& s, std::vector<PendingPosting> postings);

  // Reverses a document: undoes its allocations, appends the reversal in
  // the opposite direction and sets the two against each other in full.
  // Credits freed by a reversed charge go to the party's other open
  // debits. Returns the reversal's id.
  static long long Reverse(soci::session& s, const LedgerParty& party,
                           long long document_id, LedgerDocument reversal);
};

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_CREDIT_STORAGE_PARTY_LEDGER_H_
