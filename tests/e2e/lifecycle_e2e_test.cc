// The server process: schema checks at start-up, concurrent migrating
// starts, graceful SIGTERM, TLS, and refusal of plaintext off loopback.
#include <gtest/gtest.h>
#include <signal.h>

#include <thread>

#include "backoffice/client.h"
#include "core/storage/migrations.h"
#include "server_fixture.h"

namespace backoffice {
namespace {

using testing::ChildProcess;
using testing::FreePort;
using testing::RunCommand;
using testing::RunningServer;
using testing::ScratchDatabase;

std::map<std::string, std::string> EnvFor(const storage::DatabaseConfig& db) {
  return {{"BACKOFFICE_DB_HOST", db.host},
          {"BACKOFFICE_DB_PORT", std::to_string(db.port)},
          {"BACKOFFICE_DB_USER", db.user},
          {"BACKOFFICE_DB_NAME", db.database},
          {"BACKOFFICE_DB_PASSWORD", db.password},
          {"BACKOFFICE_DB_PASSWORD_FILE", ""}};
}

bool WaitServing(const ConnectionOptions& options, ChildProcess& process) {
  for (int i = 0; i < 200 && process.Running(); ++i) {
    // A fresh channel per attempt: an old one may sit in reconnect backoff.
    auto serving = CheckServing(*MakeConnection(options));
    if (serving.ok() && *serving) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

TEST(LifecycleE2eTest, RefusesToServeAnUnmigratedDatabase) {
  ScratchDatabase scratch;
  std::string out;
  std::string err;
  int code = RunCommand({BACKOFFICED_PATH, "serve", "--listen",
                         "127.0.0.1:" + std::to_string(FreePort())},
                        EnvFor(scratch.config()), &out, &err);
  EXPECT_EQ(code, 1);
  EXPECT_NE((out + err).find("SCHEMA_TOO_OLD"), std::string::npos)
      << out << err;
  EXPECT_NE((out + err).find("backofficed migrate"), std::string::npos);
}

TEST(LifecycleE2eTest, TwoServersStartingAtOnceMigrateOnce) {
  ScratchDatabase scratch;
  ConnectionOptions a;
  a.address = "127.0.0.1:" + std::to_string(FreePort());
  ConnectionOptions b;
  b.address = "127.0.0.1:" + std::to_string(FreePort());
  ChildProcess first(
      {BACKOFFICED_PATH, "serve", "--migrate", "--listen", a.address},
      EnvFor(scratch.config()));
  ChildProcess second(
      {BACKOFFICED_PATH, "serve", "--migrate", "--listen", b.address},
      EnvFor(scratch.config()));
  EXPECT_TRUE(WaitServing(a, first)) << first.Output();
  EXPECT_TRUE(WaitServing(b, second)) << second.Output();
  EXPECT_EQ(scratch.CountRows("schema_migrations"),
            static_cast<long long>(storage::EmbeddedMigrations().size()));
  const std::string logs = first.Output() + second.Output();
  for (const auto& m : storage::EmbeddedMigrations()) {
    const std::string line = "applying migration " + m.name;
    EXPECT_NE(logs.find(line), std::string::npos) << logs;
    EXPECT_EQ(logs.find(line), logs.rfind(line))
        << m.name << " was applied twice:\n"
        << logs;
  }
}

TEST(LifecycleE2eTest, SigtermLetsTheServerStopCleanly) {
  ScratchDatabase scratch;
  RunningServer server(scratch.config());
  CatalogClient catalog(server.Connect(server.admin_token()));
  ASSERT_TRUE(catalog.ListStores(v1::ListStoresRequest()).ok());
  EXPECT_EQ(server.Stop(), 0);
  EXPECT_NE(server.process().Output().find("backofficed stopped"),
            std::string::npos);
  EXPECT_EQ(catalog.ListStores(v1::ListStoresRequest()).status().code(),
            StatusCode::kUnavailable);
}

TEST(LifecycleE2eTest, PlaintextOffLoopbackIsRefused) {
  ScratchDatabase scratch;
  std::string out;
  std::string err;
  ASSERT_EQ(RunCommand({BACKOFFICED_PATH, "migrate"}, EnvFor(scratch.config()),
                       &out, &err),
            0);
  int code = RunCommand({BACKOFFICED_PATH, "serve", "--listen",
                         "0.0.0.0:" + std::to_string(FreePort())},
                        EnvFor(scratch.config()), &out, &err);
  EXPECT_EQ(code, 1);
  EXPECT_NE((out + err).find("refusing plaintext"), std::string::npos);
}

TEST(LifecycleE2eTest, ServesTlsToAClientThatTrustsTheCa) {
  ScratchDatabase scratch;
  const std::string dir = "/tmp/bo_tls_" + std::to_string(getpid());
  std::string out;
  std::string err;
  ASSERT_EQ(RunCommand({"/bin/mkdir", "-p", dir}, {}, &out), 0);
  ASSERT_EQ(
      RunCommand({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048",
                  "-nodes", "-days", "1", "-subj", "/CN=localhost", "-addext",
                  "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout",
                  dir + "/key.pem", "-out", dir + "/cert.pem"},
                 {}, &out, &err),
      0)
      << err;
  ASSERT_EQ(RunCommand({BACKOFFICED_PATH, "migrate"}, EnvFor(scratch.config()),
                       &out, &err),
            0);
  ASSERT_EQ(RunCommand({BACKOFFICED_PATH, "bootstrap-admin"},
                       EnvFor(scratch.config()), &out, &err),
            0);
  const std::string admin = out.substr(0, out.find('\n'));
  ConnectionOptions tls;
  tls.address = "127.0.0.1:" + std::to_string(FreePort());
  tls.ca_file = dir + "/cert.pem";
  tls.token = admin;
  ChildProcess server(
      {BACKOFFICED_PATH, "serve", "--listen", tls.address, "--tls-cert",
       dir + "/cert.pem", "--tls-key", dir + "/key.pem"},
      EnvFor(scratch.config()));
  ASSERT_TRUE(WaitServing(tls, server)) << server.Output();
  AccessClient secure(*MakeConnection(tls));
  auto me = secure.GetCallerIdentity(v1::GetCallerIdentityRequest());
  EXPECT_TRUE(me.ok()) << me.status();

  ConnectionOptions plain = tls;
  plain.ca_file.clear();
  plain.timeout = std::chrono::milliseconds(2000);
  AccessClient insecure(*MakeConnection(plain));
  EXPECT_FALSE(insecure.GetCallerIdentity(v1::GetCallerIdentityRequest()).ok());

  ConnectionOptions missing_ca = tls;
  missing_ca.ca_file = dir + "/nope.pem";
  EXPECT_EQ(MakeConnection(missing_ca).status().reason(), "CA_FILE_UNREADABLE");
  RunCommand({"/bin/rm", "-rf", dir}, {}, &out);
}

TEST(LifecycleE2eTest, AGenericClientDiscoversAndCallsTheApiByReflection) {
  ScratchDatabase scratch;
  RunningServer server(scratch.config());
  const std::string url = "http://" + server.address();
  std::string out;
  std::string err;
  ASSERT_EQ(RunCommand({BUF_PATH, "curl", "--protocol", "grpc",
                        "--http2-prior-knowledge", "--list-methods", url},
                       {}, &out, &err),
            0)
      << err;
  EXPECT_NE(out.find("backoffice.v1.CatalogService/CreateProduct"),
            std::string::npos);
  EXPECT_NE(out.find("backoffice.v1.AuditService/ListAuditRecords"),
            std::string::npos);
  EXPECT_NE(out.find("grpc.health.v1.Health/Check"), std::string::npos);

  const std::string create = url + "/backoffice.v1.CatalogService/CreateStore";
  const std::string body =
      R"({"store":{"code":"REFL1","displayName":"Reflected","timeZone":"Asia/Jakarta","currencyCode":"IDR"}})";
  EXPECT_EQ(RunCommand({BUF_PATH, "curl", "--protocol", "grpc",
                        "--http2-prior-knowledge", "-H",
                        "authorization: Bearer " + server.admin_token(), "-d",
                        body, create},
                       {}, &out, &err),
            0)
      << err;
  EXPECT_NE(out.find("\"createTime\""), std::string::npos) << out;
  EXPECT_NE(RunCommand({BUF_PATH, "curl", "--protocol", "grpc",
                        "--http2-prior-knowledge", "-d", body, create},
                       {}, &out, &err),
            0);
  EXPECT_NE((out + err).find("unauthenticated"), std::string::npos)
      << out << err;
  // The generic tool names the standard google.rpc.ErrorInfo detail; its
  // value (base64) starts with field 1, the reason: 0x0a, length 13,
  // "MISSING_TOKEN", which is "Cg1NSVNTSU5HX1RPS0VO".
  EXPECT_NE((out + err).find("\"google.rpc.ErrorInfo\""), std::string::npos)
      << out << err;
  EXPECT_NE((out + err).find("Cg1NSVNTSU5HX1RPS0VO"), std::string::npos)
      << out << err;
  EXPECT_EQ(scratch.CountRows("stores"), 1);
}

}  // namespace
}  // namespace backoffice
