// sale and receipts: one subcommand per SalesService operation.
#include <google/protobuf/util/time_util.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"
#include "sales_input.h"

namespace backoffice::ctl {
namespace {

using google::protobuf::Timestamp;

constexpr int kMaxUploadBatchSize = 1000;

// How a file flag names its file in messages; "-" is stdin.
std::string InputName(const std::string& path) {
  return path == "-" ? "stdin" : path;
}

// The same failure, its message prefixed with where it happened.
Status WithContext(const Status& status, const std::string& context) {
  return Status(status.code(), status.reason(),
                context + ": " + status.message());
}

// --- sale record ---

int RecordSale(const std::string& file, const Session& session) {
  auto text = ReadInputFile(file);
  if (!text.ok()) return Fail(text.status());
  auto sale = ParseSaleJson(*text);
  if (!sale.ok()) return Fail(WithContext(sale.status(), InputName(file)));
  v1::RecordSaleRequest request;
  *request.mutable_sale() = std::move(*sale);
  // The response holds the sale and `replayed`, so every format shows
  // whether this call recorded the sale or found it recorded before.
  return PrintResponse(session, session.sales().RecordSale(request));
}

// --- sale upload ---

struct UploadFlags {
  std::string file;
  int batch_size = 500;
};

struct UploadReport {
  std::vector<v1::SaleResult> results;
  int recorded = 0;
  int replayed = 0;
  int refused = 0;

  void Add(v1::SaleResult result) {
    if (!result.recorded()) {
      ++refused;
    } else if (result.replayed()) {
      ++replayed;
    } else {
      ++recorded;
    }
    results.push_back(std::move(result));
  }

  std::string Summary() const {
    return "recorded=" + std::to_string(recorded) +
           " replayed=" + std::to_string(replayed) +
           " refused=" + std::to_string(refused);
  }
};

// Every sale's result, in the order of the file. As for `import products`,
// the summary goes to stderr in JSON and CSV so that stdout stays
// parseable.
Status PrintUploadReport(const Session& session, const UploadReport& report) {
  std::vector<const google::protobuf::Message*> items;
  for (const auto& result : report.results) items.push_back(&result);
  Status printed = PrintList(std::cout, session.format(),
                             *v1::SaleResult::descriptor(), items);
  if (session.format() == OutputFormat::kTable) {
    std::cout << report.Summary() << '\n';
  } else {
    std::cerr << report.Summary() << '\n';
  }
  return printed;
}

int UploadSales(const UploadFlags& flags, const Session& session) {
  auto text = ReadInputFile(flags.file);
  if (!text.ok()) return Fail(text.status());
  // The whole file is parsed before anything is sent: a till's backlog
  // goes up whole or, when a line is wrong, not at all.
  auto sales = ParseSaleJsonLines(*text);
  if (!sales.ok())
    return Fail(WithContext(sales.status(), InputName(flags.file)));

  UploadReport report;
  if (!sales->empty()) {
    auto results = session.sales().UploadBacklog(*sales, flags.batch_size);
    if (!results.ok()) {
      // UploadBacklog stops at the first batch that fails, without the
      // results of the batches before it; those are recorded, and sending
      // them again only replays them.
      return Fail(
          WithContext(results.status(),
                      "the upload stopped (batches before the failing one are "
                      "recorded; uploading the whole file again is safe)"));
    }
    for (auto& result : *results) report.Add(std::move(result));
  }
  Status printed = PrintUploadReport(session, report);
  if (!printed.ok()) return Fail(printed);
  return report.refused > 0 ? kExitRowsRejected : kExitOk;
}

// --- sale return ---

struct ReturnFlags {
  std::string store;
  std::string terminal;
  std::string cashier;
  std::string sale_id;
  std::vector<v1::ReturnLine> lines;
  std::optional<v1::TenderType> refund;
  std::string return_id;
  std::optional<Timestamp> time;
};

// --line N:QTY[:damaged], repeatable; each is checked as it is parsed, so
// that a bad one is a usage error naming the flag.
CLI::Option* AddReturnLineFlag(CLI::App* app,
                               std::vector<v1::ReturnLine>& lines) {
  CLI::Option* option = app->add_option_function<std::vector<std::string>>(
      "--line",
      [&lines](const std::vector<std::string>& texts) {
        lines.clear();
        for (const std::string& text : texts) {
          auto line = ParseReturnLine(text);
          if (!line.ok()) {
            throw CLI::ValidationError("--line", line.status().message());
          }
          lines.push_back(std::move(*line));
        }
      },
      "a returned line: the sale's line number, the quantity (a decimal "
      "with up to 3 places) and, for goods that cannot be sold again, "
      "\":damaged\"; repeat for several lines");
  option->type_name("N:QTY[:damaged]");
  return option;
}

int RecordReturn(const ReturnFlags& f, const Session& session) {
  v1::RecordReturnRequest request;
  v1::SaleReturn& sale_return = *request.mutable_sale_return();
  sale_return.set_return_id(f.return_id.empty() ? RandomId("ret-")
                                                : f.return_id);
  sale_return.set_store_code(f.store);
  sale_return.set_terminal_code(f.terminal);
  sale_return.set_cashier(f.cashier);
  sale_return.set_sale_id(f.sale_id);
  *sale_return.mutable_return_time() =
      f.time ? *f.time : google::protobuf::util::TimeUtil::GetCurrentTime();
  for (const auto& line : f.lines) *sale_return.add_lines() = line;
  sale_return.set_refund_tender_type(*f.refund);
  return PrintResponse(session, session.sales().RecordReturn(request));
}

void AddSaleCommands(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "sale",
      "sales from the tills: record, upload, get, list, return, void. A "
      "sale, return or void sent again changes nothing and prints "
      "replayed true");
  group->require_subcommand(1);
  const std::string store_help = "the store's code";
  const std::string sale_id_help = "the sale's id";

  auto record_file = std::make_shared<std::string>();
  CLI::App* record = group->add_subcommand(
      "record",
      "record one sale from a JSON file (the till's own token, the store's "
      "manager, head office)");
  record
      ->add_option("--file", *record_file,
                   "the sale as one JSON object; - reads stdin")
      ->required();
  record->footer(
      "The file holds one v1.Sale, with proto field names or lowerCamel "
      "ones\n(sale_id or saleId); enums by name, times in RFC 3339:\n"
      "  {\"sale_id\": \"7f3c9a2e-T1-1042\", \"store_code\": \"JKT01\", "
      "\"terminal_code\": \"T1\",\n"
      "   \"cashier\": \"ani\", \"receipt_number\": 1042,\n"
      "   \"sale_time\": \"2024-05-01T10:15:00+07:00\",\n"
      "   \"lines\": [{\"line_number\": 1, \"sku\": \"RICE-5KG\", "
      "\"quantity_milli\": 2000,\n"
      "              \"unit_price_minor\": 78000, \"amount_minor\": 156000,\n"
      "              \"tax_rate_basis_points\": 1100, \"tax_minor\": "
      "15459}],\n"
      "   \"tenders\": [{\"type\": \"TENDER_TYPE_CASH\", \"amount_minor\": "
      "200000,\n"
      "                \"change_minor\": 44000}]}\n"
      "The output (--output json too) includes `replayed`: true when this "
      "sale id\nwas recorded before, in which case nothing changed.");
  SetAction(record, selected, [file = record_file](const Session& session) {
    return RecordSale(*file, session);
  });

  auto upload_flags = std::make_shared<UploadFlags>();
  CLI::App* upload = group->add_subcommand(
      "upload",
      "record a till's backlog of sales from a JSON Lines file; uploading "
      "the same file again changes nothing (sales come back as replayed)");
  upload
      ->add_option("--file", upload_flags->file,
                   "one sale as a JSON object per line; - reads stdin")
      ->required();
  upload
      ->add_option("--batch-size", upload_flags->batch_size,
                   "sales per UploadSales call")
      ->capture_default_str()
      ->check(CLI::Range(1, kMaxUploadBatchSize));
  upload->footer(
      "Each line of the file is a sale in the form `sale record` reads, "
      "written on\none line; blank lines are skipped. A line that does not "
      "parse is reported\nwith its number and nothing is sent. Every sale "
      "prints as a row (sale_id,\nrecorded, replayed, error_code, reason, "
      "message), then a summary\n"
      "  recorded=A replayed=B refused=C\n"
      "(with --output json|csv: the summary on stderr).\n"
      "Exit status: 0 every sale is recorded (now or before), 3 some sales "
      "were\nrefused, 1 a call failed (the batches before it stay recorded; "
      "uploading\nthe whole file again is safe).");
  SetAction(upload, selected, [f = upload_flags](const Session& session) {
    return UploadSales(*f, session);
  });

  struct SaleKey {
    std::string store;
    std::string sale_id;
  };
  auto get_key = std::make_shared<SaleKey>();
  CLI::App* get =
      group->add_subcommand("get", "show one sale with its lines and tenders");
  get->add_option("--store", get_key->store, store_help)->required();
  get->add_option("--sale-id", get_key->sale_id, sale_id_help)->required();
  SetAction(get, selected, [key = get_key](const Session& session) {
    v1::GetSaleRequest request;
    request.set_store_code(key->store);
    request.set_sale_id(key->sale_id);
    return PrintResponse(session, session.sales().GetSale(request));
  });

  struct ListFlags {
    std::string store;
    std::string terminal;
    std::optional<std::string> day;
    PageFlags page;
  };
  auto list_flags = std::make_shared<ListFlags>();
  CLI::App* list = group->add_subcommand(
      "list",
      "list the sales of a store, newest first, without their lines and "
      "tenders");
  list->add_option("--store", list_flags->store, store_help)->required();
  list->add_option("--terminal", list_flags->terminal,
                   "only sales of this terminal");
  AddParsedFlag(list, "--day", list_flags->day, ParseDate,
                "only sales of this business day, in the store's time zone",
                "YYYY-MM-DD");
  AddPageFlags(list, list_flags->page);
  SetAction(list, selected, [f = list_flags](const Session& session) {
    v1::ListSalesRequest request;
    request.set_store_code(f->store);
    request.set_terminal_code(f->terminal);
    request.set_business_day(f->day.value_or(""));
    SalesClient sales = session.sales();
    return ListPages(session, request, f->page,
                     [&](const auto& r) { return sales.ListSales(r); });
  });

  auto return_flags = std::make_shared<ReturnFlags>();
  CLI::App* sale_return = group->add_subcommand(
      "return",
      "record a refund at the till against lines of an earlier sale (the "
      "till's own token, the store's manager, head office)");
  sale_return->add_option("--store", return_flags->store, store_help)
      ->required();
  sale_return
      ->add_option("--terminal", return_flags->terminal,
                   "the till that takes the return")
      ->required();
  sale_return
      ->add_option("--cashier", return_flags->cashier,
                   "who is at the till, 1-64 characters")
      ->required();
  sale_return
      ->add_option("--sale-id", return_flags->sale_id,
                   "the id of the original sale")
      ->required();
  AddReturnLineFlag(sale_return, return_flags->lines)->required();
  AddEnumFlag(sale_return, "--refund", return_flags->refund,
              *v1::TenderType_descriptor(), "TENDER_TYPE_",
              "how the refund is paid out (any case)")
      ->required();
  sale_return->add_option(
      "--return-id", return_flags->return_id,
      "the return's id, its idempotency key: 1-64 of A-Z, a-z, 0-9, '-', "
      "'_' (default: a new random id, printed)");
  AddParsedFlag(sale_return, "--time", return_flags->time, ParseTimestamp,
                "when the return happened, RFC 3339 (default: now)", "TIME");
  sale_return->footer(
      "Example: return two of line 1, and 0.5 of line 3 as damaged (not "
      "restocked):\n"
      "  backofficectl sale return --store JKT01 --terminal T1 --cashier ani "
      "\\\n"
      "    --sale-id 7f3c9a2e-T1-1042 --line 1:2 --line 3:0.5:damaged "
      "--refund cash\n"
      "To repeat a return whose outcome is unknown (say, after a timeout), "
      "give the\nsame --return-id and --time as the first attempt: the "
      "time is part of the\nreturn, so a new default time makes it another "
      "return, refused as\nIDEMPOTENCY_KEY_REUSED.");
  SetAction(sale_return, selected, [f = return_flags](const Session& session) {
    return RecordReturn(*f, session);
  });

  struct VoidFlags {
    std::string store;
    std::string sale_id;
    std::string reason;
  };
  auto void_flags = std::make_shared<VoidFlags>();
  CLI::App* void_sale = group->add_subcommand(
      "void",
      "cancel a whole sale and put its stock back (the store's manager, "
      "head office)");
  void_sale->add_option("--store", void_flags->store, store_help)->required();
  void_sale->add_option("--sale-id", void_flags->sale_id, sale_id_help)
      ->required();
  void_sale->add_option("--reason", void_flags->reason, "why, 1-200 characters")
      ->required();
  SetAction(void_sale, selected, [f = void_flags](const Session& session) {
    v1::VoidSaleRequest request;
    request.set_store_code(f->store);
    request.set_sale_id(f->sale_id);
    request.set_reason(f->reason);
    return PrintResponse(session, session.sales().VoidSale(request));
  });
}

// --- receipts ---

void AddReceiptCommands(CLI::App& root, Action& selected) {
  CLI::App* group =
      root.add_subcommand("receipts", "the receipt numbers of a till: check");
  group->require_subcommand(1);

  struct CheckFlags {
    std::string store;
    std::string terminal;
    std::optional<std::string> day;
  };
  auto flags = std::make_shared<CheckFlags>();
  CLI::App* check = group->add_subcommand(
      "check",
      "list the missing and duplicated receipt numbers of a till's business "
      "day, to chase tills that have not synced");
  check->add_option("--store", flags->store, "the store's code")->required();
  check->add_option("--terminal", flags->terminal, "the terminal's code")
      ->required();
  AddParsedFlag(check, "--day", flags->day, ParseDate,
                "the business day, in the store's time zone", "YYYY-MM-DD")
      ->required();
  SetAction(check, selected, [f = flags](const Session& session) {
    v1::CheckReceiptSequenceRequest request;
    request.set_store_code(f->store);
    request.set_terminal_code(f->terminal);
    request.set_business_day(f->day.value_or(""));
    return PrintResponse(session,
                         session.sales().CheckReceiptSequence(request));
  });
}

// --- profit ---

void AddProfitCommand(CLI::App& root, Action& selected) {
  struct ProfitFlags {
    std::string store;
    std::optional<std::string> from;
    std::optional<std::string> to;
  };
  auto flags = std::make_shared<ProfitFlags>();
  CLI::App* profit = root.add_subcommand(
      "profit",
      "a store's sales, returns, cost of goods sold and gross profit over "
      "business days, from the cost each line recorded when sold");
  profit->add_option("--store", flags->store, "the store's code")->required();
  AddParsedFlag(profit, "--from", flags->from, ParseDate,
                "the first business day", "YYYY-MM-DD")
      ->required();
  AddParsedFlag(profit, "--to", flags->to, ParseDate,
                "the last business day (default --from)", "YYYY-MM-DD");
  SetAction(profit, selected, [f = flags](const Session& session) {
    v1::SummarizeSalesRequest request;
    request.set_store_code(f->store);
    request.set_from_day(f->from.value_or(""));
    request.set_to_day(f->to.value_or(f->from.value_or("")));
    return PrintResponse(session, session.sales().SummarizeSales(request));
  });
}

}  // namespace

void AddSalesCommands(CLI::App& app, Action& selected) {
  AddSaleCommands(app, selected);
  AddReceiptCommands(app, selected);
  AddProfitCommand(app, selected);
}

}  // namespace backoffice::ctl
