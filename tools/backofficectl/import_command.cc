// import products FILE: a CSV of products checked locally, then sent in
// batches to ImportProducts, with a report of what happened to each row.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "product_csv.h"

namespace backoffice::ctl {
namespace {

constexpr int kMaxBatchSize = 1000;

struct ImportFlags {
  std::string file;
  int batch_size = 500;
  std::string request_id;
};

// What became of every row, whether refused locally or by the server.
struct ImportReport {
  std::vector<v1::ProductImportResult> results;
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  int rejected = 0;

  void Add(v1::ProductImportResult result) {
    switch (result.outcome()) {
      case v1::IMPORT_OUTCOME_CREATED:
        ++created;
        break;
      case v1::IMPORT_OUTCOME_UPDATED:
        ++updated;
        break;
      case v1::IMPORT_OUTCOME_UNCHANGED:
        ++unchanged;
        break;
      default:
        ++rejected;
        break;
    }
    results.push_back(std::move(result));
  }

  std::string Summary() const {
    return "created=" + std::to_string(created) +
           " updated=" + std::to_string(updated) +
           " unchanged=" + std::to_string(unchanged) +
           " rejected=" + std::to_string(rejected);
  }
};

v1::ProductImportResult LocalRejection(int line_number, std::string sku,
                                       const Status& why) {
  v1::ProductImportResult result;
  result.set_line_number(line_number);
  result.set_sku(std::move(sku));
  result.set_outcome(v1::IMPORT_OUTCOME_REJECTED);
  result.set_reason(why.reason());
  result.set_message(why.message());
  return result;
}

// The table view lists only the rejected rows, since the others need no
// action; JSON and CSV list every row for scripts, with the summary on
// stderr so that stdout stays parseable.
Status PrintReport(const Session& session, ImportReport& report) {
  std::stable_sort(report.results.begin(), report.results.end(),
                   [](const auto& a, const auto& b) {
                     return a.line_number() < b.line_number();
                   });
  if (session.format() == OutputFormat::kTable) {
    for (const auto& result : report.results) {
      if (result.outcome() != v1::IMPORT_OUTCOME_REJECTED) continue;
      std::cout << "line " << result.line_number() << ": sku "
                << (result.sku().empty() ? "-" : result.sku()) << ": "
                << result.reason() << ": " << result.message() << '\n';
    }
    std::cout << report.Summary() << '\n';
    return Status();
  }
  std::vector<const google::protobuf::Message*> items;
  for (const auto& result : report.results) items.push_back(&result);
  Status printed = PrintList(std::cout, session.format(),
                             *v1::ProductImportResult::descriptor(), items);
  std::cerr << report.Summary() << '\n';
  return printed;
}

int ImportProducts(const ImportFlags& flags, const Session& session) {
  auto text = ReadInputFile(flags.file);
  if (!text.ok()) return Fail(text.status());
  const std::vector<CsvRecord> records = ParseCsv(*text);
  if (records.empty()) {
    return Fail(Status(StatusCode::kInvalidArgument, "INVALID_CSV_HEADER",
                       flags.file + " is empty; it needs a header line"));
  }
  auto layout = ParseProductCsvHeader(records.front());
  if (!layout.ok()) return Fail(layout.status());

  const std::vector<std::string> optional_fields =
      ProductCsvOptionalFields(*layout);
  ImportReport report;
  std::vector<v1::ProductImportRow> rows;
  for (std::size_t i = 1; i < records.size(); ++i) {
    auto product = ParseProductCsvRow(*layout, records[i]);
    if (!product.ok()) {
      report.Add(LocalRejection(records[i].line_number,
                                ProductCsvSku(*layout, records[i]),
                                product.status()));
      continue;
    }
    v1::ProductImportRow& row = rows.emplace_back();
    row.set_line_number(records[i].line_number);
    *row.mutable_product() = std::move(*product);
    for (const std::string& field : optional_fields) {
      row.mutable_optional_fields()->add_paths(field);
    }
  }

  // One request id for the whole file, so that the audit trail shows every
  // batch of this import together.
  const std::string request_id = RequestIdOrNew(flags.request_id);
  CatalogClient catalog = session.catalog();
  const auto batch_size = static_cast<std::size_t>(flags.batch_size);
  for (std::size_t begin = 0; begin < rows.size(); begin += batch_size) {
    const std::size_t end = std::min(rows.size(), begin + batch_size);
    v1::ImportProductsRequest request;
    request.set_request_id(request_id);
    for (std::size_t i = begin; i < end; ++i) *request.add_rows() = rows[i];
    auto response = catalog.ImportProducts(request);
    if (!response.ok()) {
      // Earlier batches are committed: report them before the failure.
      Status printed = PrintReport(session, report);
      if (!printed.ok()) return Fail(printed);
      const Status& failure = response.status();
      return Fail(Status(
          failure.code(), failure.reason(),
          "the batch of lines " + std::to_string(rows[begin].line_number()) +
              "-" + std::to_string(rows[end - 1].line_number()) +
              " and every later line were not imported: " + failure.message()));
    }
    for (const auto& result : response->results()) report.Add(result);
  }

  Status printed = PrintReport(session, report);
  if (!printed.ok()) return Fail(printed);
  return report.rejected > 0 ? kExitRowsRejected : kExitOk;
}

}  // namespace

void AddImportCommands(CLI::App& app, Action& selected) {
  CLI::App* group =
      app.add_subcommand("import", "bulk loads from files: import products");
  group->require_subcommand(1);

  auto flags = std::make_shared<ImportFlags>();
  CLI::App* products = group->add_subcommand(
      "products",
      "create or update products from a CSV file; importing the same file "
      "again changes nothing (rows come back as unchanged)");
  products->add_option("FILE", flags->file, "the CSV file")
      ->required()
      ->check(CLI::ExistingFile);
  products
      ->add_option("--batch-size", flags->batch_size,
                   "rows per ImportProducts call")
      ->capture_default_str()
      ->check(CLI::Range(1, kMaxBatchSize));
  AddRequestIdFlag(products, flags->request_id);
  products->footer(
      "FILE is RFC 4180 CSV (UTF-8) whose first line is the header\n"
      "  sku,barcodes,display_name,unit_of_measure,sold_by_weight,"
      "tax_rate_basis_points,price,currency,active\n"
      "(the columns may come in any order), and optionally any of\n"
      "  preferred_supplier,shelf_life_days,sell_by_margin_days\n"
      "(a column left out leaves that field as it is stored; a preferred\n"
      "supplier needs an active supplier item for the product, so set it\n"
      "once the supplier items exist). barcodes holds zero or more\n"
      "barcodes separated by '|'; sold_by_weight and active are true, false,\n"
      "1 or 0; tax_rate_basis_points is VAT in basis points (1100 is 11%);\n"
      "price is an integer in the currency's minor unit. Quote a field that\n"
      "holds a comma, a quote or a line break, doubling its quotes:\n"
      "  SKU-1,8991234567890|2000001,\"Rice 5kg, premium\",pcs,false,1100,"
      "78000,IDR,true\n"
      "Rows that cannot be parsed are not sent. Each rejected row prints as\n"
      "  line N: sku X: REASON: message\n"
      "then a summary: created=A updated=B unchanged=C rejected=D\n"
      "(with --output json|csv: every row's result on stdout, the summary on\n"
      "stderr).\n"
      "Exit status: 0 every row imported, 3 some rows rejected, 1 a call\n"
      "failed (batches before it stay imported).");
  SetAction(products, selected, [flags](const Session& session) {
    return ImportProducts(*flags, session);
  });
}

}  // namespace backoffice::ctl
