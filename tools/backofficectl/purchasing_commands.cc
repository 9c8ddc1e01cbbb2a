// supplier-item and demand: one subcommand per PurchasingService operation.
#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"
#include "supplier_item_csv.h"

namespace backoffice::ctl {
namespace {

using google::protobuf::FieldMask;

constexpr int kMaxImportBatchSize = 1000;

// --- supplier-item ---

struct SupplierItemFlags {
  std::string supplier;
  std::string sku;
  std::optional<std::string> supplier_sku;
  std::optional<std::int64_t> pack_size_milli;
  std::optional<std::int64_t> min_order_milli;
  std::optional<std::int64_t> unit_cost;
  std::optional<std::string> currency;
  std::optional<std::int32_t> tax_rate_bp;
  std::optional<std::int32_t> lead_time_days;
  std::optional<bool> active;
  std::string request_id;
};

void AddSupplierItemKeyFlags(CLI::App* app, SupplierItemFlags& f) {
  app->add_option("--supplier", f.supplier, "the supplier's code")->required();
  app->add_option("--sku", f.sku, "the product's SKU")->required();
}

void AddSupplierItemFieldFlags(CLI::App* app, SupplierItemFlags& f,
                               bool creating) {
  AddTextFlag(app, "--supplier-sku", f.supplier_sku,
              "the supplier's own code for the product");
  AddMilliFlag(app, "--pack-size", f.pack_size_milli,
               "units per case, in the product's unit (12, or 10 for a 10 kg "
               "case)")
      ->required(creating);
  AddMilliFlag(app, "--min-order", f.min_order_milli,
               creating ? "the minimum order quantity (default 0)"
                        : "the minimum order quantity");
  CLI::Option* cost = AddInt64Flag(
      app, "--unit-cost", f.unit_cost,
      "cost per unit before VAT, an integer in the currency's minor unit "
      "(with --currency)");
  CLI::Option* currency = AddTextFlag(app, "--currency", f.currency,
                                      "ISO 4217 currency of --unit-cost");
  cost->needs(currency);
  currency->needs(cost);
  cost->required(creating);
  AddInt32Flag(app, "--tax-rate-bp", f.tax_rate_bp,
               "VAT on the cost in basis points: 1100 is 11%")
      ->required(creating);
  AddInt32Flag(app, "--lead-time-days", f.lead_time_days,
               "days from order to delivery, 0-365")
      ->required(creating);
  AddBoolFlag(app, "--active", f.active,
              creating ? "may be ordered (default true)" : "may be ordered");
}

void ApplySupplierItemFlags(const SupplierItemFlags& f, v1::SupplierItem& item,
                            FieldMask* mask) {
  item.set_supplier_code(f.supplier);
  item.set_sku(f.sku);
  ApplyFlag(f.supplier_sku, "supplier_sku", mask,
            [&](const std::string& v) { item.set_supplier_sku(v); });
  ApplyFlag(f.pack_size_milli, "pack_size_milli", mask,
            [&](std::int64_t v) { item.set_pack_size_milli(v); });
  ApplyFlag(f.min_order_milli, "min_order_quantity_milli", mask,
            [&](std::int64_t v) { item.set_min_order_quantity_milli(v); });
  ApplyFlag(f.unit_cost, "unit_cost", mask, [&](std::int64_t v) {
    item.mutable_unit_cost()->set_minor_units(v);
    item.mutable_unit_cost()->set_currency_code(f.currency.value_or(""));
  });
  ApplyFlag(f.tax_rate_bp, "tax_rate_basis_points", mask,
            [&](std::int32_t v) { item.set_tax_rate_basis_points(v); });
  ApplyFlag(f.lead_time_days, "lead_time_days", mask,
            [&](std::int32_t v) { item.set_lead_time_days(v); });
  ApplyFlag(f.active, "active", mask, [&](bool v) { item.set_active(v); });
}

// What became of every row of an import, refused locally or by the server.
struct SupplierItemImportReport {
  std::vector<v1::SupplierItemImportResult> results;
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  int rejected = 0;

  void Add(v1::SupplierItemImportResult result) {
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

// As `import products`: the table view lists the rejected rows and a
// summary; JSON and CSV list every row, the summary on stderr.
Status PrintImportReport(const Session& session,
                         SupplierItemImportReport& report) {
  std::stable_sort(report.results.begin(), report.results.end(),
                   [](const auto& a, const auto& b) {
                     return a.line_number() < b.line_number();
                   });
  if (session.format() == OutputFormat::kTable) {
    for (const auto& r : report.results) {
      if (r.outcome() != v1::IMPORT_OUTCOME_REJECTED) continue;
      const std::string key = r.supplier_code().empty() && r.sku().empty()
                                  ? "-"
                                  : r.supplier_code() + "/" + r.sku();
      std::cout << "line " << r.line_number() << ": item " << key << ": "
                << r.reason() << ": " << r.message() << '\n';
    }
    std::cout << report.Summary() << '\n';
    return Status();
  }
  std::vector<const google::protobuf::Message*> items;
  for (const auto& r : report.results) items.push_back(&r);
  Status printed =
      PrintList(std::cout, session.format(),
                *v1::SupplierItemImportResult::descriptor(), items);
  std::cerr << report.Summary() << '\n';
  return printed;
}

struct ImportFlags {
  std::string file;
  int batch_size = 500;
  std::string request_id;
};

int ImportSupplierItems(const ImportFlags& flags, const Session& session) {
  auto text = ReadInputFile(flags.file);
  if (!text.ok()) return Fail(text.status());
  const std::vector<CsvRecord> records = ParseCsv(*text);
  if (records.empty()) {
    return Fail(Status(StatusCode::kInvalidArgument, "INVALID_CSV_HEADER",
                       flags.file + " is empty; it needs a header line"));
  }
  auto layout = ParseSupplierItemCsvHeader(records.front());
  if (!layout.ok()) return Fail(layout.status());

  SupplierItemImportReport report;
  std::vector<v1::SupplierItemImportRow> rows;
  for (std::size_t i = 1; i < records.size(); ++i) {
    auto item = ParseSupplierItemCsvRow(*layout, records[i]);
    if (!item.ok()) {
      v1::SupplierItemImportResult rejected;
      rejected.set_line_number(records[i].line_number);
      const std::string key = SupplierItemCsvKey(*layout, records[i]);
      const std::size_t slash = key.find('/');
      if (slash != std::string::npos) {
        rejected.set_supplier_code(key.substr(0, slash));
        rejected.set_sku(key.substr(slash + 1));
      }
      rejected.set_outcome(v1::IMPORT_OUTCOME_REJECTED);
      rejected.set_reason(item.status().reason());
      rejected.set_message(item.status().message());
      report.Add(std::move(rejected));
      continue;
    }
    v1::SupplierItemImportRow& row = rows.emplace_back();
    row.set_line_number(records[i].line_number);
    *row.mutable_supplier_item() = std::move(*item);
  }

  const std::string request_id = RequestIdOrNew(flags.request_id);
  PurchasingClient purchasing = session.purchasing();
  const auto batch_size = static_cast<std::size_t>(flags.batch_size);
  for (std::size_t begin = 0; begin < rows.size(); begin += batch_size) {
    const std::size_t end = std::min(rows.size(), begin + batch_size);
    v1::ImportSupplierItemsRequest request;
    request.set_request_id(request_id);
    for (std::size_t i = begin; i < end; ++i) *request.add_rows() = rows[i];
    auto response = purchasing.ImportSupplierItems(request);
    if (!response.ok()) {
      Status printed = PrintImportReport(session, report);
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
  Status printed = PrintImportReport(session, report);
  if (!printed.ok()) return Fail(printed);
  return report.rejected > 0 ? kExitRowsRejected : kExitOk;
}

void AddSupplierItemCommands(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "supplier-item",
      "what a supplier sells us of a product (pack size, minimum order, cost "
      "before VAT, lead time): create, get, list, update, import");
  group->require_subcommand(1);

  auto create_flags = std::make_shared<SupplierItemFlags>();
  CLI::App* create = group->add_subcommand(
      "create",
      "create a supplier item (head office, admins). Quantities are in the "
      "product's unit, decimals with up to 3 places");
  AddSupplierItemKeyFlags(create, *create_flags);
  AddSupplierItemFieldFlags(create, *create_flags, /*creating=*/true);
  AddRequestIdFlag(create, create_flags->request_id);
  SetAction(create, selected, [f = create_flags](const Session& session) {
    v1::CreateSupplierItemRequest request;
    ApplySupplierItemFlags(*f, *request.mutable_supplier_item(), nullptr);
    if (!f->active) request.mutable_supplier_item()->set_active(true);
    request.set_request_id(RequestIdOrNew(f->request_id));
    return PrintResponse(session,
                         session.purchasing().CreateSupplierItem(request));
  });

  auto get_flags = std::make_shared<SupplierItemFlags>();
  CLI::App* get = group->add_subcommand("get", "show one supplier item");
  AddSupplierItemKeyFlags(get, *get_flags);
  SetAction(get, selected, [f = get_flags](const Session& session) {
    v1::GetSupplierItemRequest request;
    request.set_supplier_code(f->supplier);
    request.set_sku(f->sku);
    return PrintResponse(session,
                         session.purchasing().GetSupplierItem(request));
  });

  struct ListFlags {
    std::string supplier;
    std::string sku;
    bool active_only = false;
    PageFlags page;
  };
  auto list_flags = std::make_shared<ListFlags>();
  CLI::App* list = group->add_subcommand(
      "list", "list the items of a supplier, or the suppliers of a product");
  CLI::Option_group* which =
      list->add_option_group("Items", "--supplier, --sku or both");
  which->add_option("--supplier", list_flags->supplier,
                    "only this supplier's items");
  which->add_option("--sku", list_flags->sku, "only this product's items");
  which->require_option(1, 2);
  list->add_flag("--active-only", list_flags->active_only,
                 "only items that may be ordered");
  AddPageFlags(list, list_flags->page);
  SetAction(list, selected, [f = list_flags](const Session& session) {
    v1::ListSupplierItemsRequest request;
    request.set_supplier_code(f->supplier);
    request.set_sku(f->sku);
    request.set_active_only(f->active_only);
    PurchasingClient purchasing = session.purchasing();
    return ListPages(session, request, f->page, [&](const auto& r) {
      return purchasing.ListSupplierItems(r);
    });
  });

  auto update_flags = std::make_shared<SupplierItemFlags>();
  CLI::App* update = group->add_subcommand(
      "update",
      "change the given fields of a supplier item (head office, admins)");
  AddSupplierItemKeyFlags(update, *update_flags);
  CLI::Option_group* fields = update->add_option_group(
      "Fields to change",
      "only the fields given are changed (at least one is needed)");
  fields->require_option(1, 0);
  AddSupplierItemFieldFlags(fields, *update_flags, /*creating=*/false);
  AddRequestIdFlag(update, update_flags->request_id);
  SetAction(update, selected, [f = update_flags](const Session& session) {
    v1::UpdateSupplierItemRequest request;
    ApplySupplierItemFlags(*f, *request.mutable_supplier_item(),
                           request.mutable_update_mask());
    request.set_request_id(RequestIdOrNew(f->request_id));
    return PrintResponse(session,
                         session.purchasing().UpdateSupplierItem(request));
  });

  auto import_flags = std::make_shared<ImportFlags>();
  CLI::App* import = group->add_subcommand(
      "import",
      "create or update supplier items from a CSV file; importing the same "
      "file again changes nothing");
  import->add_option("FILE", import_flags->file, "the CSV file")
      ->required()
      ->check(CLI::ExistingFile);
  import
      ->add_option("--batch-size", import_flags->batch_size,
                   "rows per ImportSupplierItems call")
      ->capture_default_str()
      ->check(CLI::Range(1, kMaxImportBatchSize));
  AddRequestIdFlag(import, import_flags->request_id);
  import->footer(
      "FILE is RFC 4180 CSV (UTF-8) whose first line is the header\n"
      "  supplier_code,sku,supplier_sku,pack_size,min_order_quantity,"
      "unit_cost,currency,tax_rate_basis_points,lead_time_days,active\n"
      "(the columns may come in any order). pack_size and min_order_quantity\n"
      "are in the product's unit, decimals with up to 3 places (whole units\n"
      "for products not sold by weight); unit_cost is before VAT, an integer\n"
      "in the currency's minor unit; tax_rate_basis_points is VAT (1100 is\n"
      "11%); active is true, false, 1 or 0. For example\n"
      "  SUP-WINGS,SKU-1060,WS-LB110,72,144,3150,IDR,1100,3,true\n"
      "Each rejected row prints as\n"
      "  line N: item SUPPLIER/SKU: REASON: message\n"
      "then a summary: created=A updated=B unchanged=C rejected=D.\n"
      "Exit status: 0 every row imported, 3 some rows rejected, 1 a call\n"
      "failed (batches before it stay imported).");
  SetAction(import, selected, [f = import_flags](const Session& session) {
    return ImportSupplierItems(*f, session);
  });
}

// --- demand ---

struct DemandFlags {
  std::string store;
  std::string sku;
  int window_days = 0;
  std::string end_day;
  PageFlags page;
};

void AddDemandCommand(CLI::App& root, Action& selected) {
  auto f = std::make_shared<DemandFlags>();
  CLI::App* demand = root.add_subcommand(
      "demand",
      "what a store sold per product over a window of business days, read "
      "from the daily rollup: sold, returned, voided, net and the average "
      "per day");
  demand->add_option("STORE", f->store, "the store's code")->required();
  demand->add_option("--sku", f->sku, "only this product");
  demand->add_option("--window-days", f->window_days,
                     "days in the window (1-366; default 28)");
  demand->add_option_function<std::string>(
      "--end-day",
      [f](const std::string& text) {
        auto day = ParseDate(text);
        if (!day.ok()) {
          throw CLI::ValidationError("--end-day", day.status().message());
        }
        f->end_day = *day;
      },
      "the window's last business day, YYYY-MM-DD (default: the store's "
      "last complete day, yesterday)");
  AddPageFlags(demand, f->page);
  SetAction(demand, selected, [f](const Session& session) {
    v1::ListDemandRequest request;
    request.set_store_code(f->store);
    request.set_sku(f->sku);
    request.set_window_days(f->window_days);
    request.set_end_day(f->end_day);
    PurchasingClient purchasing = session.purchasing();
    std::string start_day;
    std::string end_day;
    const int exit_code =
        ListPages(session, request, f->page, [&](const auto& r) {
          auto response = purchasing.ListDemand(r);
          if (response.ok()) {
            start_day = response->start_day();
            end_day = response->end_day();
          }
          return response;
        });
    // On stderr, so that JSON and CSV on stdout stay one list.
    if (exit_code == kExitOk) {
      std::cerr << "store " << f->store << ", business days " << start_day
                << " to " << end_day << '\n';
    }
    return exit_code;
  });
}

}  // namespace

void AddPurchasingCommands(CLI::App& app, Action& selected) {
  AddSupplierItemCommands(app, selected);
  AddDemandCommand(app, selected);
}

}  // namespace backoffice::ctl
