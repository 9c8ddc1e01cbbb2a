// What the e2e tests of the ledgers share: money in rupiah, a Jakarta
// business day, verify's verdict, and an SDK connection that retries long
// enough to ride out a server killed and restarted.
#ifndef BACKOFFICE_TESTS_SUPPORT_LEDGER_HELPERS_H_
#define BACKOFFICE_TESTS_SUPPORT_LEDGER_HELPERS_H_

#include <absl/time/civil_time.h>
#include <absl/time/clock.h>
#include <absl/time/time.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "backoffice/client.h"
#include "server_fixture.h"

namespace backoffice::testing {

inline v1::Money Idr(std::int64_t minor) {
  v1::Money m;
  m.set_currency_code("IDR");
  m.set_minor_units(minor);
  return m;
}

// The business day `days` after today in Asia/Jakarta (UTC+7).
inline std::string JakartaDayFromToday(int days) {
  const absl::TimeZone jakarta = absl::FixedTimeZone(7 * 3600);
  return absl::FormatCivilTime(absl::ToCivilDay(absl::Now(), jakarta) + days);
}

// Fails the test unless verify, run by `token`, finds nothing.
inline void ExpectCleanLedger(const RunningServer& server,
                              const std::string& token) {
  auto report = ReconciliationClient(server.Connect(token))
                    .VerifyLedger(v1::VerifyLedgerRequest());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->violations_size(), 0) << report->DebugString();
}

// Fails the test unless verify finds a violation of `kind`; `what` says
// which broken invariant was expected.
inline void ExpectViolation(const RunningServer& server,
                            const std::string& token, const std::string& kind,
                            const std::string& what) {
  auto report = ReconciliationClient(server.Connect(token))
                    .VerifyLedger(v1::VerifyLedgerRequest());
  ASSERT_TRUE(report.ok()) << report.status();
  bool found = false;
  for (const auto& v : report->violations()) found = found || v.kind() == kind;
  EXPECT_TRUE(found) << what << ": " << report->DebugString();
}

// A connection whose calls are retried for up to a minute, 50-250 ms
// apart: the SDK a till would use across a server restart.
inline std::shared_ptr<Connection> RetryingConnection(
    const RunningServer& server, const std::string& token) {
  ConnectionOptions options;
  options.address = server.address();
  options.token = token;
  options.timeout = std::chrono::milliseconds(5000);
  options.retry.max_attempts = 60;
  options.retry.initial_backoff = std::chrono::milliseconds(50);
  options.retry.max_backoff = std::chrono::milliseconds(250);
  return *MakeConnection(options);
}

// Runs documents 1..`documents` in turn on a thread (`run(i)`, each
// through a retrying SDK) while the server is killed with SIGKILL after
// the first `before_kill` have finished, and restarted 300 ms later. Fails
// the test for every document that did not end well, naming it as `what`.
// The caller then runs each document again (a replay) and checks that
// every one of them took effect exactly once.
inline void RunThroughAKill(RunningServer& server, int documents,
                            int before_kill, const std::string& what,
                            const std::function<Status(int)>& run) {
  std::atomic<int> done{0};
  std::thread worker([&] {
    for (int i = 1; i <= documents; ++i) {
      const Status s = run(i);
      EXPECT_TRUE(s.ok()) << what << " " << i << ": " << s;
      ++done;
    }
  });
  while (done.load() < before_kill) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  server.Kill();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  server.Restart();
  worker.join();
}

}  // namespace backoffice::testing

#endif  // BACKOFFICE_TESTS_SUPPORT_LEDGER_HELPERS_H_
