// Callers without a valid token must not disturb the tills: a flood of
// well-formed unknown tokens from many concurrent connections runs while a
// till posts sales through a server with a small pool, every sale succeeds,
// the flood costs (almost) no database round trips, and the refusals are
// logged in aggregate rather than one line per call.
#include <google/protobuf/util/time_util.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <mutex>
#include <random>
#include <regex>
#include <thread>

#include "backoffice/client.h"
#include "server_fixture.h"

namespace backoffice {
namespace {

using google::protobuf::util::TimeUtil;
using testing::RunningServer;
using testing::ScratchDatabase;

constexpr int kFloodClients = 50;

std::string RandomToken(std::mt19937_64& random) {
  static const char kHex[] = "0123456789abcdef";
  std::string token = "bo_";
  for (int i = 0; i < 64; ++i) token += kHex[random() % 16];
  return token;
}

// One flooding client: a connection of its own (not shared with any other
// channel), calling ListStores with unknown tokens until `stop`.
std::mutex& FirstOtherMutex() {
  static std::mutex mutex;
  return mutex;
}

// The first flood answer that was neither refused nor shed, for the
// failure message.
std::string& FirstOther() {
  static std::string first;
  return first;
}

void Flood(const std::string& address, int client, bool fresh_token_per_call,
           const std::atomic<bool>& stop, std::atomic<long>& calls,
           std::atomic<long>& unauthenticated, std::atomic<long>& other) {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  args.SetString("backoffice.test.flood_client", std::to_string(client));
  auto channel = grpc::CreateCustomChannel(
      address, grpc::InsecureChannelCredentials(), args);
  grpc::GenericStub stub(channel);
  std::mt19937_64 random(client * 7919 + 1);
  std::string token = RandomToken(random);
  while (!stop.load()) {
    if (fresh_token_per_call) token = RandomToken(random);
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(10));
    context.AddMetadata("authorization", "Bearer " + token);
    grpc::Slice empty_message("");
    grpc::ByteBuffer request(&empty_message, 1);
    grpc::ByteBuffer response;
    std::promise<grpc::Status> done;
    stub.UnaryCall(&context, "/backoffice.v1.CatalogService/ListStores",
                   grpc::StubOptions(), &request, &response,
                   [&](grpc::Status s) { done.set_value(std::move(s)); });
    grpc::Status status = done.get_future().get();
    ++calls;
    // A call beyond the server's thread cap is shed at once with
    // RESOURCE_EXHAUSTED, before any token is looked at: refused without
    // the database too, as designed. Anything else is a failure.
    if (status.error_code() == grpc::StatusCode::UNAUTHENTICATED ||
        status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) {
      ++unauthenticated;
    } else {
      if (other.fetch_add(1) == 0) {
        std::lock_guard<std::mutex> lock(FirstOtherMutex());
        FirstOther() =
            std::to_string(status.error_code()) + " " + status.error_message();
      }
    }
  }
}

long long GlobalCounter(storage::Database& db, const std::string& name) {
  long long value = -1;
  domain::Status s = db.WithSession([&](soci::session& session) {
    std::string variable;
    session << "SHOW GLOBAL STATUS LIKE '" + name + "'", soci::into(variable),
        soci::into(value);
    return domain::Status();
  });
  if (!s.ok()) throw std::runtime_error(s.ToString());
  return value;
}

class FloodE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    scratch_ = std::make_unique<ScratchDatabase>();
    server_ = std::make_unique<RunningServer>(
        scratch_->config(), std::vector<std::string>{"--db-pool-size", "2"});
    CatalogClient admin(server_->Connect(server_->admin_token()));
    v1::CreateStoreRequest store;
    store.mutable_store()->set_code("A");
    store.mutable_store()->set_display_name("A");
    store.mutable_store()->set_time_zone("Asia/Jakarta");
    store.mutable_store()->set_currency_code("IDR");
    ASSERT_TRUE(admin.CreateStore(store).ok());
    v1::CreateTerminalRequest till;
    till.mutable_terminal()->set_store_code("A");
    till.mutable_terminal()->set_code("T1");
    till.mutable_terminal()->set_display_name("T1");
    till.mutable_terminal()->set_active(true);
    ASSERT_TRUE(admin.CreateTerminal(till).ok());
    v1::CreateProductRequest product;
    product.mutable_product()->set_sku("P1");
    product.mutable_product()->set_display_name("Product");
    product.mutable_product()->set_unit_of_measure("pcs");
    product.mutable_product()->mutable_default_price()->set_currency_code(
        "IDR");
    product.mutable_product()->mutable_default_price()->set_minor_units(1000);
    product.mutable_product()->set_active(true);
    ASSERT_TRUE(admin.CreateProduct(product).ok());
    till_token_ = server_->CreateToken(v1::ROLE_POS_TERMINAL, "A", "T1");
  }

  static v1::RecordSaleRequest MakeSale(long long receipt) {
    v1::RecordSaleRequest request;
    v1::Sale& sale = *request.mutable_sale();
    sale.set_sale_id("flood-sale-" + std::to_string(receipt));
    sale.set_store_code("A");
    sale.set_terminal_code("T1");
    sale.set_cashier("ani");
    sale.set_receipt_number(receipt);
    *sale.mutable_sale_time() =
        TimeUtil::GetCurrentTime() - TimeUtil::SecondsToDuration(1);
    auto* line = sale.add_lines();
    line->set_line_number(1);
    line->set_sku("P1");
    line->set_quantity_milli(1000);
    line->set_unit_price_minor(1000);
    line->set_amount_minor(1000);
    auto* tender = sale.add_tenders();
    tender->set_type(v1::TENDER_TYPE_CASH);
    tender->set_amount_minor(1000);
    return request;
  }

  std::unique_ptr<ScratchDatabase> scratch_;
  std::unique_ptr<RunningServer> server_;
  std::string till_token_;
};

TEST_F(FloodE2eTest, UnknownTokensFromManyClientsDoNotDisturbATill) {
  // The till's calls are not retried: every sale must succeed first time.
  ConnectionOptions options;
  options.address = server_->address();
  options.token = till_token_;
  options.timeout = std::chrono::milliseconds(10000);
  options.retry.max_attempts = 1;
  SalesClient till(*MakeConnection(options));
  long long receipt = 0;
  ASSERT_TRUE(till.RecordSale(MakeSale(++receipt)).ok());

  std::atomic<bool> stop{false};
  std::atomic<long> calls{0};
  std::atomic<long> unauthenticated{0};
  std::atomic<long> other{0};
  std::vector<std::thread> flood;
  for (int c = 0; c < kFloodClients; ++c) {
    flood.emplace_back(Flood, server_->address(), c, c % 2 == 0,
                       std::cref(stop), std::ref(calls),
                       std::ref(unauthenticated), std::ref(other));
  }
  std::vector<std::string> failures;
  const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(4);
  int sales = 0;
  while (std::chrono::steady_clock::now() < end) {
    auto recorded = till.RecordSale(MakeSale(++receipt));
    ++sales;
    if (!recorded.ok()) failures.push_back(recorded.status().ToString());
  }
  stop = true;
  for (auto& t : flood) t.join();

  EXPECT_TRUE(failures.empty())
      << failures.size() << " of " << sales
      << " sales failed during the flood; first: " << failures.front();
  EXPECT_GT(sales, 5);
  EXPECT_GT(calls.load(), 1000) << "the flood was too weak to show anything";
  EXPECT_EQ(other.load(), 0) << "flood calls answered other than "
                                "UNAUTHENTICATED or shed; first: "
                             << FirstOther();
  EXPECT_EQ(scratch_->CountRows("sales"), sales + 1);

  // Refusals are logged in aggregate, not one line per refused call, and
  // no secret reaches the log.
  const std::string log = server_->process().Output();
  std::size_t refusal_lines = 0;
  for (std::size_t at = log.find("INVALID_TOKEN"); at != std::string::npos;
       at = log.find("INVALID_TOKEN", at + 1)) {
    ++refusal_lines;
  }
  EXPECT_LT(refusal_lines, 20u) << "refused calls: " << unauthenticated.load();
  EXPECT_FALSE(std::regex_search(log, std::regex("bo_[0-9a-f]{64}")))
      << "a token reached the log";
  // The interval's counts are logged at the latest when the server stops.
  EXPECT_EQ(server_->Stop(), 0);
  EXPECT_NE(server_->process().Output().find(
                "calls without a valid token in the last"),
            std::string::npos)
      << server_->process().Output();
}

TEST_F(FloodE2eTest, RepeatedUnknownTokensCostNoDatabaseRoundTrip) {
  storage::DatabaseConfig config = scratch_->config();
  config.pool_size = 1;
  storage::Database db(config);
  std::atomic<bool> stop{false};
  std::atomic<long> calls{0};
  std::atomic<long> unauthenticated{0};
  std::atomic<long> other{0};
  // Warm up: each client is refused a few times first.
  const long long before = GlobalCounter(db, "Questions");
  std::vector<std::thread> flood;
  for (int c = 0; c < 8; ++c) {
    flood.emplace_back(Flood, server_->address(), 1000 + c, c % 2 == 0,
                       std::cref(stop), std::ref(calls),
                       std::ref(unauthenticated), std::ref(other));
  }
  std::this_thread::sleep_for(std::chrono::seconds(2));
  stop = true;
  for (auto& t : flood) t.join();
  const long long after = GlobalCounter(db, "Questions");
  EXPECT_EQ(unauthenticated.load(), calls.load())
      << "refused or shed; first other answer: " << FirstOther();
  EXPECT_GT(calls.load(), 500);
  // The health probe and this test's own queries add a few statements; the
  // refused calls themselves should add (almost) none after their first few.
  EXPECT_LT(after - before, calls.load() / 5)
      << calls.load() << " refused calls ran " << (after - before)
      << " statements";
}

}  // namespace
}  // namespace backoffice
