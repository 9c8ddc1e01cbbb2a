// backofficectl as a user runs it: against the real server, through the SDK.
#include <gtest/gtest.h>

#include <fstream>

#include "server_fixture.h"

namespace backoffice {
namespace {

using testing::RunCli;
using testing::RunningServer;
using testing::ScratchDatabase;

class CliE2eTest : public testing::SharedSetUpTest {
 protected:
  static void SetUpTestSuite() {
    RunSharedSetUp([] {
      scratch_ = new ScratchDatabase();
      server_ = new RunningServer(scratch_->config());
    });
  }
  static void TearDownTestSuite() {
    delete server_;
    delete scratch_;
  }

  int Cli(const std::vector<std::string>& args, std::string* out,
          std::string* err = nullptr, const std::string& token = "") {
    return RunCli(*server_, token.empty() ? server_->admin_token() : token,
                  args, out, err);
  }

  static ScratchDatabase* scratch_;
  static RunningServer* server_;
};

ScratchDatabase* CliE2eTest::scratch_ = nullptr;
RunningServer* CliE2eTest::server_ = nullptr;

TEST_F(CliE2eTest, HelpTeachesTheEnvironmentAndSubcommands) {
  std::string out;
  std::string err;
  EXPECT_EQ(Cli({"--help"}, &out, &err), 0);
  EXPECT_NE(out.find("BACKOFFICE_TOKEN"), std::string::npos) << out;
  EXPECT_NE(out.find("import"), std::string::npos);
  EXPECT_NE(out.find("audit"), std::string::npos);
}

TEST_F(CliE2eTest, StoreCreateListAndOneLineErrors) {
  std::string out;
  std::string err;
  ASSERT_EQ(Cli({"store", "create", "--code", "CLI1", "--name", "Toko CLI",
                 "--time-zone", "Asia/Jakarta", "--currency", "IDR", "--output",
                 "json"},
                &out, &err),
            0)
      << err;
  EXPECT_NE(out.find("\"CLI1\""), std::string::npos) << out;

  ASSERT_EQ(Cli({"store", "list", "--output", "csv"}, &out, &err), 0) << err;
  EXPECT_EQ(out.rfind("code", 0), 0u) << out;
  EXPECT_NE(out.find("CLI1,Toko CLI,Asia/Jakarta,IDR"), std::string::npos)
      << out;

  EXPECT_EQ(Cli({"store", "create", "--code", "CLI1", "--name", "again",
                 "--time-zone", "Asia/Jakarta", "--currency", "IDR"},
                &out, &err),
            1);
  EXPECT_EQ(err.rfind("backofficectl: ALREADY_EXISTS STORE_ALREADY_EXISTS", 0),
            0u)
      << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;

  EXPECT_EQ(Cli({"store", "list"}, &out, &err, "bo_" + std::string(64, 'f')),
            1);
  EXPECT_NE(err.find("UNAUTHENTICATED"), std::string::npos) << err;
}

TEST_F(CliE2eTest, ImportReportsBadRowsByLineAndReimportChangesNothing) {
  const std::string path =
      "/tmp/bo_cli_import_" + std::to_string(getpid()) + ".csv";
  {
    std::ofstream csv(path);
    csv << "sku,barcodes,display_name,unit_of_measure,sold_by_weight,"
           "tax_rate_basis_points,price,currency,active\n"
        << "IMP-1,8990000000101,Teh Botol,pcs,false,1100,5000,IDR,true\n"
        << "IMP-2,8990000000102|INT2,\"Kopi, "
           "Bubuk\",pcs,false,1100,14500,IDR,true\n"
        << "IMP-3,8990000000103,Beras,kg,true,0,12000,IDR,true\n"
        << "IMP-4,8990000000104,Harga Rusak,pcs,false,1100,12.5,IDR,true\n"
        << "IMP-5,8990000000105,Harga Negatif,pcs,false,1100,-100,IDR,true\n"
        << "IMP-6,8990000000101,Barcode Ganda,pcs,false,1100,100,IDR,true\n";
  }
  std::string out;
  std::string err;
  EXPECT_EQ(Cli({"import", "products", path, "--batch-size", "2"}, &out, &err),
            3);
  const std::string all = out + err;
  EXPECT_NE(all.find("line 5"), std::string::npos) << all;
  EXPECT_NE(all.find("line 6"), std::string::npos) << all;
  EXPECT_NE(all.find("INVALID_DEFAULT_PRICE_MINOR_UNITS"), std::string::npos)
      << all;
  EXPECT_NE(all.find("line 7"), std::string::npos) << all;
  EXPECT_NE(all.find("BARCODE_ALREADY_EXISTS"), std::string::npos) << all;
  EXPECT_NE(all.find("created=3 updated=0 unchanged=0 rejected=3"),
            std::string::npos)
      << all;
  EXPECT_EQ(scratch_->CountRows("products WHERE sku LIKE 'IMP-%'"), 3);

  const long long audits = scratch_->CountRows("audit_records");
  EXPECT_EQ(Cli({"import", "products", path}, &out, &err), 3);
  EXPECT_NE((out + err).find("created=0 updated=0 unchanged=3 rejected=3"),
            std::string::npos)
      << out << err;
  EXPECT_EQ(scratch_->CountRows("products WHERE sku LIKE 'IMP-%'"), 3);
  EXPECT_EQ(scratch_->CountRows("audit_records"), audits);

  ASSERT_EQ(Cli({"product", "get", "--barcode", "INT2", "--output", "json"},
                &out, &err),
            0)
      << err;
  EXPECT_NE(out.find("Kopi, Bubuk"), std::string::npos) << out;
  std::remove(path.c_str());
}

TEST_F(CliE2eTest, TokensCreatedByTheCliAreScopedToTheirStore) {
  std::string out;
  std::string err;
  for (const char* code : {"CLIA", "CLIB"}) {
    ASSERT_EQ(Cli({"store", "create", "--code", code, "--name", code,
                   "--time-zone", "Asia/Jayapura", "--currency", "IDR"},
                  &out, &err),
              0)
        << err;
  }
  ASSERT_EQ(Cli({"token", "create", "--name", "clerk", "--role", "STORE_STAFF",
                 "--store", "CLIA", "--output", "json"},
                &out, &err),
            0)
      << err;
  const auto at = out.find("bo_");
  ASSERT_NE(at, std::string::npos) << out;
  const std::string secret = out.substr(at, 67);
  EXPECT_EQ(Cli({"store", "get", "--code", "CLIA"}, &out, &err, secret), 0)
      << err;
  EXPECT_EQ(Cli({"store", "get", "--code", "CLIB"}, &out, &err, secret), 1);
  EXPECT_NE(err.find("PERMISSION_DENIED STORE_OUT_OF_SCOPE"), std::string::npos)
      << err;
  EXPECT_EQ(Cli({"audit", "list"}, &out, &err, secret), 1);
  EXPECT_NE(err.find("ROLE_NOT_ALLOWED"), std::string::npos) << err;
  EXPECT_EQ(Cli({"health"}, &out, &err), 0) << err;
  EXPECT_NE(out.find("SERVING"), std::string::npos);
}

TEST_F(CliE2eTest, SalesFlowFromUploadToACleanVerify) {
  std::string out;
  std::string err;
  ASSERT_EQ(Cli({"store", "create", "--code", "CLIS", "--name", "Sales",
                 "--time-zone", "Asia/Jakarta", "--currency", "IDR"},
                &out, &err),
            0)
      << err;
  ASSERT_EQ(Cli({"terminal", "create", "--store", "CLIS", "--code", "T1",
                 "--name", "Kasir"},
                &out, &err),
            0)
      << err;
  ASSERT_EQ(Cli({"product", "create", "--sku", "CLI-TEH", "--name", "Teh",
                 "--unit", "pcs", "--tax-rate-bp", "1100", "--price", "5000",
                 "--currency", "IDR"},
                &out, &err),
            0)
      << err;
  ASSERT_EQ(Cli({"token", "create", "--name", "ho", "--role", "HEAD_OFFICE",
                 "-o", "json"},
                &out, &err),
            0);
  const std::string head = out.substr(out.find("bo_"), 67);
  const std::string path =
      "/tmp/bo_cli_sales_" + std::to_string(getpid()) + ".jsonl";
  {
    std::ofstream jsonl(path);
    for (int i = 1; i <= 3; ++i) {
      jsonl
          << R"({"sale_id":"cli-sale-)" << i
          << R"(","store_code":"CLIS","terminal_code":"T1","cashier":"ani","receipt_number":)"
          << i
          << R"(,"sale_time":"2026-01-02T03:04:05Z","lines":[{"line_number":1,"sku":"CLI-TEH","quantity_milli":2000,"unit_price_minor":5000,"amount_minor":10000}],"tenders":[{"type":"TENDER_TYPE_CASH","amount_minor":20000,"change_minor":10000}]})"
          << "\n";
    }
    // The same sale id with other content.
    jsonl
        << R"({"sale_id":"cli-sale-1","store_code":"CLIS","terminal_code":"T1","cashier":"budi","receipt_number":1,"sale_time":"2026-01-02T03:04:05Z","lines":[{"line_number":1,"sku":"CLI-TEH","quantity_milli":2000,"unit_price_minor":5000,"amount_minor":10000}],"tenders":[{"type":"TENDER_TYPE_CASH","amount_minor":10000}]})"
        << "\n";
    // Another sale reusing receipt 2 of the same till.
    jsonl
        << R"({"sale_id":"cli-sale-9","store_code":"CLIS","terminal_code":"T1","cashier":"ani","receipt_number":2,"sale_time":"2026-01-02T03:04:05Z","lines":[{"line_number":1,"sku":"CLI-TEH","quantity_milli":1000,"unit_price_minor":5000,"amount_minor":5000}],"tenders":[{"type":"TENDER_TYPE_QRIS","amount_minor":5000}]})"
        << "\n";
  }
  EXPECT_EQ(Cli({"sale", "upload", "--file", path}, &out, &err, head), 3)
      << err;
  EXPECT_NE((out + err).find("recorded=3 replayed=0 refused=2"),
            std::string::npos)
      << out << err;
  EXPECT_NE((out + err).find("IDEMPOTENCY_KEY_REUSED"), std::string::npos)
      << out << err;
  EXPECT_EQ(Cli({"sale", "upload", "--file", path}, &out, &err, head), 3);
  EXPECT_NE((out + err).find("recorded=0 replayed=3 refused=2"),
            std::string::npos)
      << out << err;

  ASSERT_EQ(
      Cli({"stock", "get", "--store", "CLIS", "--sku", "CLI-TEH", "-o", "json"},
          &out, &err, head),
      0)
      << err;
  EXPECT_NE(out.find("\"on_hand_milli\": \"-6000\""), std::string::npos) << out;
  EXPECT_EQ(Cli({"stock", "list", "--store", "CLIS", "--negative", "-o", "csv"},
                &out, &err, head),
            0);
  EXPECT_NE(out.find("on_hand_milli"), std::string::npos) << out;
  EXPECT_NE(out.find("CLI-TEH,Teh,-6000,"), std::string::npos) << out;
  // The table view writes quantities in the product's unit and money in
  // the store's currency, looked up in the catalog.
  ASSERT_EQ(
      Cli({"stock", "list", "--store", "CLIS", "--negative"}, &out, &err, head),
      0)
      << err;
  EXPECT_EQ(
      out.rfind("store_code  sku      display_name  on_hand  reorder_point", 0),
      0u)
      << out;
  EXPECT_NE(out.find("CLIS        CLI-TEH  Teh           -6 pcs   0 pcs"),
            std::string::npos)
      << out;
  EXPECT_EQ(out.find("_milli"), std::string::npos) << out;
  ASSERT_EQ(Cli({"stock", "adjust", "--store", "CLIS", "--sku", "CLI-TEH",
                 "--quantity", "0.5", "--reason", "count_correction"},
                &out, &err, head),
            0)
      << err;
  EXPECT_NE(out.find("stock_movement.quantity "), std::string::npos) << out;
  EXPECT_NE(out.find(" 0.5 pcs\n"), std::string::npos) << out;
  EXPECT_NE(out.find(" -5.5 pcs\n"), std::string::npos) << out;
  ASSERT_EQ(Cli({"sale", "get", "--store", "CLIS", "--sale-id", "cli-sale-2"},
                &out, &err, head),
            0)
      << err;
  EXPECT_NE(out.find("quantity: 2 pcs unit_price: Rp 5.000 amount: Rp 10.000"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find(" Rp 10.000\n"), std::string::npos) << out;
  EXPECT_NE(out.find("\ntotal "), std::string::npos) << out;
  ASSERT_EQ(Cli({"sale", "get", "--store", "CLIS", "--sale-id", "cli-sale-2",
                 "-o", "json"},
                &out, &err, head),
            0)
      << err;
  EXPECT_NE(out.find("\"total_minor\": \"10000\""), std::string::npos) << out;
  EXPECT_EQ(Cli({"sale", "return", "--store", "CLIS", "--terminal", "T1",
                 "--cashier", "ani", "--sale-id", "cli-sale-2", "--line", "1:3",
                 "--refund", "cash"},
                &out, &err, head),
            1);
  EXPECT_NE(err.find("RETURN_EXCEEDS_SOLD"), std::string::npos) << err;
  EXPECT_EQ(Cli({"sale", "void", "--store", "CLIS", "--sale-id", "cli-sale-3",
                 "--reason", "test"},
                &out, &err, head),
            0)
      << err;
  EXPECT_EQ(Cli({"receipts", "check", "--store", "CLIS", "--terminal", "T1",
                 "--day", "2026-01-02", "-o", "json"},
                &out, &err, head),
            0)
      << err;
  EXPECT_NE(out.find("\"sale_count\": \"3\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"duplicated_receipt_numbers\": [\n  \"2\""),
            std::string::npos)
      << out;
  EXPECT_EQ(Cli({"verify"}, &out, &err, head), 0) << out << err;
  EXPECT_NE(out.find("violations=0"), std::string::npos) << out;
  std::remove(path.c_str());
}

TEST_F(CliE2eTest, SupplierItemsPreferredSuppliersAndDemand) {
  std::string out;
  std::string err;
  auto ok = [&](const std::vector<std::string>& args) {
    const int code = Cli(args, &out, &err);
    EXPECT_EQ(code, 0) << args.at(0) << " " << args.at(1) << ": " << err;
    return code == 0;
  };
  ASSERT_TRUE(ok({"store", "create", "--code", "CLIP", "--name", "Purchasing",
                  "--time-zone", "Asia/Jakarta", "--currency", "IDR"}));
  ASSERT_TRUE(ok({"terminal", "create", "--store", "CLIP", "--code", "T1",
                  "--name", "Kasir"}));
  ASSERT_TRUE(
      ok({"product", "create", "--sku", "CLI-SUSU", "--name", "Susu", "--unit",
          "pcs", "--tax-rate-bp", "1100", "--price", "19000", "--currency",
          "IDR", "--shelf-life-days", "10", "--sell-by-margin-days", "2"}));
  ASSERT_TRUE(ok({"product", "create", "--sku", "CLI-GULA", "--name", "Gula",
                  "--unit", "kg", "--sold-by-weight", "true", "--tax-rate-bp",
                  "1100", "--price", "16000", "--currency", "IDR"}));
  ASSERT_TRUE(
      ok({"supplier", "create", "--code", "CLI-SUP", "--name", "PT A"}));
  ASSERT_TRUE(ok({"supplier", "create", "--code", "CLI-SUP2", "--name", "B"}));

  // Packs in the product's unit, cost in the currency, JSON exact.
  ASSERT_TRUE(ok({"supplier-item", "create", "--supplier", "CLI-SUP", "--sku",
                  "CLI-SUSU", "--pack-size", "12", "--min-order", "24",
                  "--unit-cost", "15000", "--currency", "IDR", "--tax-rate-bp",
                  "1100", "--lead-time-days", "2"}));
  EXPECT_NE(out.find(" 12 pcs\n"), std::string::npos) << out;
  EXPECT_NE(out.find(" Rp 15.000\n"), std::string::npos) << out;
  ASSERT_TRUE(ok({"supplier-item", "update", "--supplier", "CLI-SUP", "--sku",
                  "CLI-SUSU", "--lead-time-days", "4", "-o", "json"}));
  EXPECT_NE(out.find("\"lead_time_days\": 4"), std::string::npos) << out;
  EXPECT_NE(out.find("\"pack_size_milli\": \"12000\""), std::string::npos)
      << out;
  EXPECT_NE(Cli({"supplier-item", "update", "--supplier", "CLI-SUP", "--sku",
                 "CLI-SUSU"},
                &out, &err),
            0);

  const std::string path =
      "/tmp/bo_cli_items_" + std::to_string(getpid()) + ".csv";
  {
    std::ofstream csv(path);
    csv << "supplier_code,sku,supplier_sku,pack_size,min_order_quantity,"
           "unit_cost,currency,tax_rate_basis_points,lead_time_days,active\n"
        << "CLI-SUP,CLI-GULA,G-10,10,10,12500,IDR,1100,3,true\n"
        << "CLI-SUP2,CLI-GULA,G-X,ten,0,12500,IDR,1100,3,true\n"
        << "CLI-SUP2,CLI-SUSU,S-X,12.5,0,15000,IDR,1100,3,true\n";
  }
  EXPECT_EQ(Cli({"supplier-item", "import", path}, &out, &err), 3) << err;
  EXPECT_NE(out.find("line 3: item CLI-SUP2/CLI-GULA: INVALID_DECIMAL"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("line 4: item CLI-SUP2/CLI-SUSU: INVALID_PACK_SIZE_MILLI"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("created=1 updated=0 unchanged=0 rejected=2"),
            std::string::npos)
      << out;
  std::remove(path.c_str());
  ASSERT_TRUE(
      ok({"supplier-item", "list", "--supplier", "CLI-SUP", "-o", "csv"}));
  EXPECT_NE(out.find("CLI-SUP,CLI-GULA,G-10,10000,10000,12500 IDR,1100,3,"),
            std::string::npos)
      << out;
  ASSERT_TRUE(ok(
      {"supplier-item", "get", "--supplier", "CLI-SUP", "--sku", "CLI-GULA"}));
  EXPECT_NE(out.find(" 10.000 kg\n"), std::string::npos) << out;

  // Preferred suppliers: the product's and a store's, under the item rule.
  EXPECT_EQ(Cli({"product", "update", "--sku", "CLI-SUSU",
                 "--preferred-supplier", "CLI-SUP2"},
                &out, &err),
            1);
  EXPECT_EQ(err.rfind("backofficectl: FAILED_PRECONDITION "
                      "PREFERRED_SUPPLIER_HAS_NO_ITEM",
                      0),
            0u)
      << err;
  ASSERT_TRUE(ok({"product", "update", "--sku", "CLI-SUSU",
                  "--preferred-supplier", "CLI-SUP", "-o", "csv"}));
  EXPECT_NE(out.find(",CLI-SUP,10,2\n"), std::string::npos) << out;
  ASSERT_TRUE(ok({"setting", "set", "--store", "CLIP", "--sku", "CLI-GULA",
                  "--preferred-supplier", "CLI-SUP", "--reorder-point", "5"}));
  EXPECT_NE(out.find("preferred_supplier  CLI-SUP"), std::string::npos) << out;

  // Demand from the rollup after a sale of each.
  const std::string sales =
      "/tmp/bo_cli_psales_" + std::to_string(getpid()) + ".jsonl";
  {
    std::ofstream jsonl(sales);
    jsonl
        << R"({"sale_id":"cli-p-1","store_code":"CLIP","terminal_code":"T1","cashier":"ani","receipt_number":1,"sale_time":"2026-01-02T03:04:05Z","lines":[{"line_number":1,"sku":"CLI-SUSU","quantity_milli":2000,"unit_price_minor":19000,"amount_minor":38000},{"line_number":2,"sku":"CLI-GULA","quantity_milli":1250,"unit_price_minor":16000,"amount_minor":20000}],"tenders":[{"type":"TENDER_TYPE_CASH","amount_minor":58000}]})"
        << "\n";
  }
  const std::string head = server_->CreateToken(v1::ROLE_HEAD_OFFICE);
  ASSERT_EQ(Cli({"sale", "upload", "--file", sales}, &out, &err, head), 0)
      << err;
  std::remove(sales.c_str());
  ASSERT_TRUE(
      ok({"demand", "CLIP", "--end-day", "2026-01-02", "--window-days", "7"}));
  EXPECT_NE(out.find("CLI-GULA  1.250 kg"), std::string::npos) << out;
  EXPECT_NE(out.find("CLI-SUSU  2 pcs"), std::string::npos) << out;
  EXPECT_NE(err.find("2025-12-27 to 2026-01-02"), std::string::npos) << err;
  ASSERT_TRUE(ok({"demand", "CLIP", "--sku", "CLI-GULA", "--end-day",
                  "2026-01-02", "--window-days", "7", "-o", "csv"}));
  EXPECT_NE(out.find("CLI-GULA,1250,0,0,1250,7,1,179\n"), std::string::npos)
      << out;
  EXPECT_NE(Cli({"demand", "CLIP", "--end-day", "2026-02-30"}, &out, &err), 0);
}

}  // namespace
}  // namespace backoffice
