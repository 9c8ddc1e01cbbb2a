// transfer send|receive|resolve|get|list and count
// open|enter|post|approve|reject|cancel|get|list: the StockControlService's
// transfers between stores and stock counts. Quantities are given in the
// product's unit (2.5) and printed in thousandths (*_milli).
#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "commands.h"
#include "csv.h"

namespace backoffice::ctl {
namespace {

std::vector<std::string> SplitColons(const std::string& text) {
  std::vector<std::string> parts;
  std::string::size_type start = 0;
  while (true) {
    const auto colon = text.find(':', start);
    parts.push_back(text.substr(start, colon - start));
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  return parts;
}

// --line SKU:QUANTITY[:LOT:EXPIRY], one product to send; without a lot the
// lots FEFO sells first.
StatusOr<v1::StockTransferLineInput> ParseTransferLine(
    const std::string& text) {
  const auto parts = SplitColons(text);
  if ((parts.size() != 2 && parts.size() != 4) || parts[0].empty()) {
    return Status(StatusCode::kInvalidArgument, "INVALID_LINE",
                  "'" + text + "' is not SKU:QUANTITY[:LOT:EXPIRY]");
  }
  v1::StockTransferLineInput line;
  line.set_sku(parts[0]);
  auto quantity = ParseMilli(parts[1]);
  if (!quantity.ok()) return quantity.status();
  line.set_quantity_milli(*quantity);
  if (parts.size() == 4) {
    line.set_lot_code(parts[2]);
    if (!parts[3].empty()) {
      auto day = ParseDate(parts[3]);
      if (!day.ok()) return day.status();
      line.set_expiry_date(*day);
    }
  }
  return line;
}

// --line LINE:GOOD[:DAMAGED], what arrived of one line of the transfer.
StatusOr<v1::TransferReceiptLine> ParseArrivedLine(const std::string& text) {
  const auto parts = SplitColons(text);
  if (parts.size() < 2 || parts.size() > 3) {
    return Status(StatusCode::kInvalidArgument, "INVALID_LINE",
                  "'" + text + "' is not LINE:GOOD[:DAMAGED]");
  }
  v1::TransferReceiptLine line;
  try {
    line.set_line_number(std::stoi(parts[0]));
  } catch (const std::exception&) {
    return Status(StatusCode::kInvalidArgument, "INVALID_LINE",
                  "'" + parts[0] + "' is not a line number");
  }
  auto good = ParseMilli(parts[1]);
  if (!good.ok()) return good.status();
  line.set_received_milli(*good);
  if (parts.size() == 3) {
    auto damaged = ParseMilli(parts[2]);
    if (!damaged.ok()) return damaged.status();
    line.set_damaged_milli(*damaged);
  }
  return line;
}

// --line SKU:COUNTED, one counted product.
StatusOr<v1::StockCountEntryLine> ParseCountedLine(const std::string& text) {
  const auto parts = SplitColons(text);
  if (parts.size() != 2 || parts[0].empty()) {
    return Status(StatusCode::kInvalidArgument, "INVALID_LINE",
                  "'" + text + "' is not SKU:COUNTED");
  }
  v1::StockCountEntryLine line;
  line.set_sku(parts[0]);
  auto counted = ParseMilli(parts[1]);
  if (!counted.ok()) return counted.status();
  line.set_counted_milli(*counted);
  return line;
}

template <typename Line>
void AddLineOption(CLI::App* app, std::vector<Line>& lines,
                   StatusOr<Line> (*parse)(const std::string&),
                   const std::string& help, const std::string& type) {
  app->add_option_function<std::vector<std::string>>(
         "--line",
         [&lines, parse](const std::vector<std::string>& texts) {
           for (const auto& text : texts) {
             auto line = parse(text);
             if (!line.ok()) {
               throw CLI::ValidationError("--line", line.status().message());
             }
             lines.push_back(*line);
           }
         },
         help)
      ->type_name(type);
}

void AddTransferGroup(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "transfer",
      "stock moved between stores: send (out of the sending store, in "
      "transit), receive (into the receiving store, once), resolve (a "
      "difference, by a manager who did not receive), get, list");
  group->require_subcommand(1);

  struct SendFlags {
    std::string from, to, transfer_id, note, request_id;
    std::vector<v1::StockTransferLineInput> lines;
  };
  auto send_flags = std::make_shared<SendFlags>();
  CLI::App* send = group->add_subcommand(
      "send", "send stock to another store; the same --id again is a replay");
  send->add_option("from_store", send_flags->from, "the sending store")
      ->required();
  send->add_option("to_store", send_flags->to, "the receiving store")
      ->required();
  AddLineOption(send, send_flags->lines, &ParseTransferLine,
                "a product to send (repeatable): SKU:QUANTITY, or "
                "SKU:QUANTITY:LOT:EXPIRY for one lot",
                "SKU:QTY[:LOT:EXPIRY]");
  send->get_option("--line")->required();
  send->add_option("--note", send_flags->note, "a note, 0-500 characters");
  send->add_option("--id", send_flags->transfer_id,
                   "the transfer's id, chosen by you (default: a new random "
                   "id, printed in the result)");
  AddRequestIdFlag(send, send_flags->request_id);
  SetAction(send, selected, [f = send_flags](const Session& session) {
    v1::SendStockTransferRequest request;
    request.set_from_store_code(f->from);
    request.set_to_store_code(f->to);
    request.set_transfer_id(f->transfer_id.empty() ? RandomId("tr-")
                                                   : f->transfer_id);
    for (const auto& line : f->lines) *request.add_lines() = line;
    request.set_note(f->note);
    request.set_request_id(RequestIdOrNew(f->request_id));
    auto response = session.stock_control().SendStockTransfer(request);
    if (!response.ok()) return Fail(response.status());
    if (response->replayed()) {
      std::cerr << "backofficectl: replayed: transfer " << request.transfer_id()
                << " was sent before with the same content\n";
    }
    return PrintResponse(session, response);
  });

  struct ReceiveFlags {
    std::string to, from, transfer_id, request_id;
    std::vector<v1::TransferReceiptLine> lines;
  };
  auto receive_flags = std::make_shared<ReceiveFlags>();
  CLI::App* receive = group->add_subcommand(
      "receive",
      "receive a transfer at the receiving store, once; without --line "
      "everything arrived in good order");
  receive->add_option("to_store", receive_flags->to, "the receiving store")
      ->required();
  receive->add_option("from_store", receive_flags->from, "the sending store")
      ->required();
  receive
      ->add_option("transfer_id", receive_flags->transfer_id,
                   "the transfer's id")
      ->required();
  AddLineOption(receive, receive_flags->lines, &ParseArrivedLine,
                "what arrived of a line (repeatable, every line once): "
                "LINE:GOOD[:DAMAGED]",
                "LINE:GOOD[:DAMAGED]");
  AddRequestIdFlag(receive, receive_flags->request_id);
  SetAction(receive, selected, [f = receive_flags](const Session& session) {
    v1::ReceiveStockTransferRequest request;
    request.set_to_store_code(f->to);
    request.set_from_store_code(f->from);
    request.set_transfer_id(f->transfer_id);
    for (const auto& line : f->lines) *request.add_lines() = line;
    request.set_request_id(RequestIdOrNew(f->request_id));
    auto response = session.stock_control().ReceiveStockTransfer(request);
    if (!response.ok()) return Fail(response.status());
    if (response->transfer().state() ==
        v1::STOCK_TRANSFER_STATE_DIFFERENCE_OPEN) {
      std::cerr << "backofficectl: the difference waits for a manager who "
                   "did not receive it: backofficectl transfer resolve "
                << f->to << " " << f->from << " " << f->transfer_id
                << " --as write_off|return_to_sender|accept --reason ...\n";
    }
    return PrintResponse(session, response);
  });

  struct ResolveFlags {
    std::string to, from, transfer_id, reason, request_id;
    std::optional<v1::TransferResolution> resolution;
  };
  auto resolve_flags = std::make_shared<ResolveFlags>();
  CLI::App* resolve = group->add_subcommand(
      "resolve",
      "resolve an open difference (a manager of the receiving store who did "
      "not receive it)");
  resolve->add_option("to_store", resolve_flags->to, "the receiving store")
      ->required();
  resolve->add_option("from_store", resolve_flags->from, "the sending store")
      ->required();
  resolve
      ->add_option("transfer_id", resolve_flags->transfer_id,
                   "the transfer's id")
      ->required();
  AddEnumFlag(resolve, "--as", resolve_flags->resolution,
              *v1::TransferResolution_descriptor(), "TRANSFER_RESOLUTION_",
              "what becomes of the difference")
      ->required();
  resolve
      ->add_option("--reason", resolve_flags->reason, "why, 1-500 characters")
      ->required();
  AddRequestIdFlag(resolve, resolve_flags->request_id);
  SetAction(resolve, selected, [f = resolve_flags](const Session& session) {
    v1::ResolveStockTransferRequest request;
    request.set_to_store_code(f->to);
    request.set_from_store_code(f->from);
    request.set_transfer_id(f->transfer_id);
    request.set_resolution(
        f->resolution.value_or(v1::TRANSFER_RESOLUTION_UNSPECIFIED));
    request.set_reason(f->reason);
    request.set_request_id(RequestIdOrNew(f->request_id));
    return PrintResponse(session,
                         session.stock_control().ResolveStockTransfer(request));
  });

  struct GetFlags {
    std::string from, transfer_id;
  };
  auto get_flags = std::make_shared<GetFlags>();
  CLI::App* get = group->add_subcommand("get", "show one transfer");
  get->add_option("from_store", get_flags->from, "the sending store")
      ->required();
  get->add_option("transfer_id", get_flags->transfer_id, "the transfer's id")
      ->required();
  SetAction(get, selected, [f = get_flags](const Session& session) {
    v1::GetStockTransferRequest request;
    request.set_from_store_code(f->from);
    request.set_transfer_id(f->transfer_id);
    return PrintResponse(session,
                         session.stock_control().GetStockTransfer(request));
  });

  struct ListFlags {
    std::string store;
    std::optional<v1::TransferDirection> direction;
    std::optional<v1::StockTransferState> state;
    PageFlags page;
  };
  auto list_flags = std::make_shared<ListFlags>();
  CLI::App* list = group->add_subcommand(
      "list", "a store's transfers, sent and received, newest first");
  list->add_option("store", list_flags->store, "the store's code")->required();
  AddEnumFlag(list, "--direction", list_flags->direction,
              *v1::TransferDirection_descriptor(), "TRANSFER_DIRECTION_",
              "only the transfers it sent (outgoing) or received (incoming)");
  AddEnumFlag(list, "--state", list_flags->state,
              *v1::StockTransferState_descriptor(), "STOCK_TRANSFER_STATE_",
              "only the transfers in this state (in-transit: on the way)");
  AddPageFlags(list, list_flags->page);
  SetAction(list, selected, [f = list_flags](const Session& session) {
    v1::ListStockTransfersRequest request;
    request.set_store_code(f->store);
    request.set_direction(
        f->direction.value_or(v1::TRANSFER_DIRECTION_UNSPECIFIED));
    request.set_state(f->state.value_or(v1::STOCK_TRANSFER_STATE_UNSPECIFIED));
    StockControlClient client = session.stock_control();
    return ListPages(session, request, f->page, [&](const auto& r) {
      return client.ListStockTransfers(r);
    });
  });
}

// A file of counted products: a header naming `sku` and `counted` (in the
// product's unit), one product per row.
StatusOr<std::vector<v1::StockCountEntryLine>> ReadCountFile(
    const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return Status(StatusCode::kInvalidArgument, "FILE_NOT_READABLE",
                  "cannot read " + path);
  }
  std::stringstream text;
  text << in.rdbuf();
  const std::vector<CsvRecord> rows = ParseCsv(text.str());
  if (rows.empty()) return std::vector<v1::StockCountEntryLine>{};
  const auto& header = rows.front().fields;
  int sku = -1, counted = -1;
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == "sku") sku = static_cast<int>(i);
    if (header[i] == "counted") counted = static_cast<int>(i);
  }
  if (sku < 0 || counted < 0) {
    return Status(StatusCode::kInvalidArgument, "INVALID_HEADER",
                  path + ": the header must name sku and counted");
  }
  std::vector<v1::StockCountEntryLine> lines;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const CsvRecord& row = rows[r];
    const std::string where = path + ":" + std::to_string(row.line_number);
    if (!row.error.empty()) {
      return Status(StatusCode::kInvalidArgument, "INVALID_ROW",
                    where + ": " + row.error);
    }
    if (row.fields.size() <= static_cast<std::size_t>(std::max(sku, counted))) {
      return Status(StatusCode::kInvalidArgument, "INVALID_ROW",
                    where + ": a column is missing");
    }
    auto quantity = ParseMilli(row.fields[counted]);
    if (!quantity.ok()) {
      return Status(StatusCode::kInvalidArgument, "INVALID_ROW",
                    where + ": " + quantity.status().message());
    }
    v1::StockCountEntryLine line;
    line.set_sku(row.fields[sku]);
    line.set_counted_milli(*quantity);
    lines.push_back(std::move(line));
  }
  return lines;
}

struct CountKey {
  std::string store, count_id, reason, request_id;
  bool uncounted_as_zero = false;
};

void AddCountKey(CLI::App* app, CountKey& key) {
  app->add_option("store", key.store, "the store's code")->required();
  app->add_option("count_id", key.count_id, "the count's id")->required();
  AddRequestIdFlag(app, key.request_id);
}

void AddCountGroup(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "count",
      "counts of a store's stock: open (the book frozen), enter (what "
      "counters find; again: a recount), post (by the variances; above the "
      "store's threshold it waits), approve, reject, cancel, get, list");
  group->require_subcommand(1);

  struct OpenFlags {
    std::string store, count_id, note, request_id;
    std::vector<std::string> skus;
  };
  auto open_flags = std::make_shared<OpenFlags>();
  CLI::App* open = group->add_subcommand(
      "open",
      "open a count of some products (--sku) or of the whole store; the "
      "same --id again is a replay");
  open->add_option("store", open_flags->store, "the store's code")->required();
  open->add_option("--sku", open_flags->skus,
                   "a product to count (repeatable); none: the whole store");
  open->add_option("--note", open_flags->note, "a note, 0-500 characters");
  open->add_option("--id", open_flags->count_id,
                   "the count's id, chosen by you (default: a new random id)");
  AddRequestIdFlag(open, open_flags->request_id);
  SetAction(open, selected, [f = open_flags](const Session& session) {
    v1::OpenStockCountRequest request;
    request.set_store_code(f->store);
    request.set_count_id(f->count_id.empty() ? RandomId("cnt-") : f->count_id);
    for (const auto& sku : f->skus) request.add_skus(sku);
    request.set_note(f->note);
    request.set_request_id(RequestIdOrNew(f->request_id));
    return PrintResponse(session,
                         session.stock_control().OpenStockCount(request));
  });

  struct EnterFlags {
    std::string store, count_id, entry_id, file, request_id;
    std::vector<v1::StockCountEntryLine> lines;
  };
  auto enter_flags = std::make_shared<EnterFlags>();
  CLI::App* enter = group->add_subcommand(
      "enter",
      "enter what you counted (--line, or --file with columns sku,counted); "
      "a product entered again is a recount");
  enter->add_option("store", enter_flags->store, "the store's code")
      ->required();
  enter->add_option("count_id", enter_flags->count_id, "the count's id")
      ->required();
  AddLineOption(enter, enter_flags->lines, &ParseCountedLine,
                "a counted product (repeatable): SKU:COUNTED", "SKU:COUNTED");
  enter->add_option("--file", enter_flags->file,
                    "a CSV file of counted products: sku,counted");
  enter->add_option("--entry", enter_flags->entry_id,
                    "the entry's id, chosen by you (default: a new random "
                    "id); the same id again is a replay");
  AddRequestIdFlag(enter, enter_flags->request_id);
  SetAction(enter, selected, [f = enter_flags](const Session& session) {
    v1::EnterStockCountRequest request;
    request.set_store_code(f->store);
    request.set_count_id(f->count_id);
    request.set_entry_id(f->entry_id.empty() ? RandomId("ent-") : f->entry_id);
    for (const auto& line : f->lines) *request.add_lines() = line;
    if (!f->file.empty()) {
      auto lines = ReadCountFile(f->file);
      if (!lines.ok()) return Fail(lines.status());
      for (const auto& line : *lines) *request.add_lines() = line;
    }
    request.set_request_id(RequestIdOrNew(f->request_id));
    return PrintResponse(session,
                         session.stock_control().EnterStockCount(request));
  });

  auto post_key = std::make_shared<CountKey>();
  CLI::App* post = group->add_subcommand(
      "post",
      "post a count by its variances (counted minus the book at each "
      "entry); above the store's threshold it waits for a second person");
  AddCountKey(post, *post_key);
  post->add_flag("--uncounted-as-zero", post_key->uncounted_as_zero,
                 "post the products nobody counted as found at zero");
  SetAction(post, selected, [key = post_key](const Session& session) {
    v1::PostStockCountRequest request;
    request.set_store_code(key->store);
    request.set_count_id(key->count_id);
    request.set_uncounted_as_zero(key->uncounted_as_zero);
    request.set_request_id(RequestIdOrNew(key->request_id));
    auto response = session.stock_control().PostStockCount(request);
    if (!response.ok()) return Fail(response.status());
    if (response->count().state() == v1::STOCK_COUNT_STATE_PENDING_APPROVAL) {
      std::cerr << "backofficectl: count " << key->count_id << " waits for "
                << (response->count().approval_level() ==
                            v1::COUNT_APPROVAL_LEVEL_HEAD_OFFICE
                        ? "head office"
                        : "a manager who did not count")
                << ": backofficectl count approve " << key->store << " "
                << key->count_id << "\n";
    }
    return PrintResponse(session, response);
  });

  auto approve_key = std::make_shared<CountKey>();
  CLI::App* approve = group->add_subcommand(
      "approve", "post a waiting count (someone who did not count)");
  AddCountKey(approve, *approve_key);
  SetAction(approve, selected, [key = approve_key](const Session& session) {
    v1::ApproveStockCountRequest request;
    request.set_store_code(key->store);
    request.set_count_id(key->count_id);
    request.set_request_id(RequestIdOrNew(key->request_id));
    return PrintResponse(session,
                         session.stock_control().ApproveStockCount(request));
  });

  for (const bool cancel : {false, true}) {
    auto key = std::make_shared<CountKey>();
    CLI::App* app = group->add_subcommand(
        cancel ? "cancel" : "reject",
        cancel ? "cancel an open or waiting count: nothing moves"
               : "send a waiting count back for recounts, with a reason");
    AddCountKey(app, *key);
    app->add_option("--reason", key->reason, "why, 1-500 characters")
        ->required();
    SetAction(app, selected, [key, cancel](const Session& session) {
      if (cancel) {
        v1::CancelStockCountRequest request;
        request.set_store_code(key->store);
        request.set_count_id(key->count_id);
        request.set_reason(key->reason);
        request.set_request_id(RequestIdOrNew(key->request_id));
        return PrintResponse(session,
                             session.stock_control().CancelStockCount(request));
      }
      v1::RejectStockCountRequest request;
      request.set_store_code(key->store);
      request.set_count_id(key->count_id);
      request.set_reason(key->reason);
      request.set_request_id(RequestIdOrNew(key->request_id));
      return PrintResponse(session,
                           session.stock_control().RejectStockCount(request));
    });
  }

  auto get_key = std::make_shared<CountKey>();
  CLI::App* get = group->add_subcommand("get", "show one count with its lines");
  get->add_option("store", get_key->store, "the store's code")->required();
  get->add_option("count_id", get_key->count_id, "the count's id")->required();
  SetAction(get, selected, [key = get_key](const Session& session) {
    v1::GetStockCountRequest request;
    request.set_store_code(key->store);
    request.set_count_id(key->count_id);
    return PrintResponse(session,
                         session.stock_control().GetStockCount(request));
  });

  struct ListFlags {
    std::string store;
    std::optional<v1::StockCountState> state;
    PageFlags page;
  };
  auto list_flags = std::make_shared<ListFlags>();
  CLI::App* list =
      group->add_subcommand("list", "a store's counts, newest first");
  list->add_option("store", list_flags->store, "the store's code")->required();
  AddEnumFlag(list, "--state", list_flags->state,
              *v1::StockCountState_descriptor(), "STOCK_COUNT_STATE_",
              "only the counts in this state");
  AddPageFlags(list, list_flags->page);
  SetAction(list, selected, [f = list_flags](const Session& session) {
    v1::ListStockCountsRequest request;
    request.set_store_code(f->store);
    request.set_state(f->state.value_or(v1::STOCK_COUNT_STATE_UNSPECIFIED));
    StockControlClient client = session.stock_control();
    return ListPages(session, request, f->page,
                     [&](const auto& r) { return client.ListStockCounts(r); });
  });
}

}  // namespace

void AddTransferAndCountCommands(CLI::App& app, Action& selected) {
  AddTransferGroup(app, selected);
  AddCountGroup(app, selected);
}

}  // namespace backoffice::ctl
