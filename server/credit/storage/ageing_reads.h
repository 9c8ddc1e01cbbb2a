// What an ageing reads, as set-based queries on the caller's session, so
// that the repository and the benchmark's raw baseline run the very same
// SQL.
//
// A document's open amount as of a day is what is open now
// (`amount - allocated`) plus what allocations dated after the day took
// from it: only those allocations are read (by their day), so a recent day
// costs little however long the history. Each store is read on its own, by
// (kind, store, party), the order of the pages, so a page reads only the
// stores it covers.
#ifndef BACKOFFICE_SERVER_CREDIT_STORAGE_AGEING_READS_H_
#define BACKOFFICE_SERVER_CREDIT_STORAGE_AGEING_READS_H_

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "credit/domain/credit_model.h"

namespace backoffice::storage {

struct AgeingScope {
  std::string as_of_day;
  domain::PartyKind kind = domain::PartyKind::kCustomer;
  std::optional<long long> store_id;  // Unset: every store.
};

// Up to `limit` parties with anything open as of the day, after (store id,
// party id), with their buckets; codes and names are not read.
std::vector<domain::AgeingRow> ReadAgeingRows(soci::session& s,
                                              const AgeingScope& scope,
                                              long long after_store,
                                              long long after_party,
                                              long long limit);

// Fills the store codes, party codes and names of `rows` by primary key.
void NameAgeingRows(soci::session& s, domain::PartyKind kind,
                    std::vector<domain::AgeingRow>& rows);

// The buckets per store.
std::vector<domain::AgeingRow> ReadAgeingTotals(soci::session& s,
                                                const AgeingScope& scope);

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_CREDIT_STORAGE_AGEING_READS_H_
