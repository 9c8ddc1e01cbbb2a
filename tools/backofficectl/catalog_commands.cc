// store, terminal, product, setting, supplier and customer: one subcommand
// per CatalogService operation.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"

namespace backoffice::ctl {
namespace {

using google::protobuf::FieldMask;

// Puts an update's field flags in a group that demands at least one, so that
// an update naming no field is a usage error rather than an empty mask.
CLI::App* AddFieldsGroup(CLI::App* update) {
  CLI::Option_group* group = update->add_option_group(
      "Fields to change",
      "only the fields given are changed (at least one is needed)");
  group->require_option(1, 0);
  return group;
}

// The pair of flags that make a Money: integer minor units and a currency.
// Each needs the other, since an amount without its currency means nothing.
void AddMoneyFlags(CLI::App* app, const std::string& amount_flag,
                   std::optional<std::int64_t>& amount,
                   std::optional<std::string>& currency,
                   const std::string& help) {
  CLI::Option* amount_option = AddInt64Flag(
      app, amount_flag, amount,
      help + ", an integer in the currency's minor unit (with --currency)");
  CLI::Option* currency_option =
      AddTextFlag(app, "--currency", currency,
                  "ISO 4217 currency of " + amount_flag + ", such as IDR");
  amount_option->needs(currency_option);
  currency_option->needs(amount_option);
}

// `mutable_money` is called only when the amount was given, so that an
// unset Money (such as "no price override") stays unset.
template <typename MutableMoney>
void ApplyMoney(const std::optional<std::int64_t>& amount,
                const std::optional<std::string>& currency, const char* path,
                FieldMask* mask, MutableMoney mutable_money) {
  ApplyFlag(amount, path, mask, [&](std::int64_t minor_units) {
    v1::Money* money = mutable_money();
    money->set_minor_units(minor_units);
    money->set_currency_code(currency.value_or(""));
  });
}

// --- store ---

struct StoreFlags {
  std::string code;
  std::optional<std::string> name;
  std::optional<std::string> time_zone;
  std::optional<std::string> currency;
  std::string request_id;
};

void AddStoreFieldFlags(CLI::App* app, StoreFlags& f, bool creating) {
  AddTextFlag(app, "--name", f.name, "the store's name, 1-200 characters")
      ->required(creating);
  AddTextFlag(app, "--time-zone", f.time_zone,
              "IANA time zone of the store's business day, such as "
              "Asia/Jakarta")
      ->required(creating);
  AddTextFlag(app, "--currency", f.currency,
              "ISO 4217 currency the store trades in, such as IDR")
      ->required(creating);
}

void ApplyStoreFlags(const StoreFlags& f, v1::Store& store, FieldMask* mask) {
  store.set_code(f.code);
  ApplyFlag(f.name, "display_name", mask,
            [&](const std::string& v) { store.set_display_name(v); });
  ApplyFlag(f.time_zone, "time_zone", mask,
            [&](const std::string& v) { store.set_time_zone(v); });
  ApplyFlag(f.currency, "currency_code", mask,
            [&](const std::string& v) { store.set_currency_code(v); });
}

void AddStoreCommands(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "store", "stores (branches) of the chain: create, get, list, update");
  group->require_subcommand(1);
  const std::string code_help = "the store's code, such as JKT01";

  auto create_flags = std::make_shared<StoreFlags>();
  CLI::App* create =
      group->add_subcommand("create", "create a store (admins, head office)");
  create
      ->add_option("--code", create_flags->code,
                   "the new store's code: 1-32 of A-Z, 0-9, '-', '_'")
      ->required();
  AddStoreFieldFlags(create, *create_flags, /*creating=*/true);
  AddRequestIdFlag(create, create_flags->request_id);
  SetAction(create, selected, [f = create_flags](const Session& session) {
    v1::CreateStoreRequest request;
    ApplyStoreFlags(*f, *request.mutable_store(), nullptr);
    request.set_request_id(RequestIdOrNew(f->request_id));
    return PrintResponse(session, session.catalog().CreateStore(request));
  });

  auto get_code = std::make_shared<std::string>();
  CLI::App* get = group->add_subcommand("get", "show one store");
  get->add_option("--code", *get_code, code_help)->required();
  SetAction(get, selected, [code = get_code](const Session& session) {
    v1::GetStoreRequest request;
    request.set_code(*code);
    return PrintResponse(session, session.catalog().GetStore(request));
  });

  auto page = std::make_shared<PageFlags>();
  CLI::App* list = group->add_subcommand(
      "list", "list stores by code (a store's staff see only their store)");
  AddPageFlags(list, *page);
  SetAction(list, selected, [page](const Session& session) {
    CatalogClient catalog = session.catalog();
    return ListPages(session, v1::ListStoresRequest(), *page,
                     [&](const auto& r) { return catalog.ListStores(r); });
  });

  auto update_flags = std::make_shared<StoreFlags>();
  CLI::App* update = group->add_subcommand(
      "update", "change the given fields of a store (admins, head office)");
  update->add_option("--code", update_flags->code, code_help)->required();
  AddStoreFieldFlags(AddFieldsGroup(update), *update_flags,
                     /*creating=*/false);
  AddRequestIdFlag(update, update_flags->request_id);
  SetAction(update, selected, [f = update_flags](const Session& session) {
    v1::UpdateStoreRequest request;
    ApplyStoreFlags(*f, *request.mutable_store(),
                    request.mutable_update_mask());
    request.set_request_id(RequestIdOrNew(f->request_id));
    return PrintResponse(session, session.catalog().UpdateStore(request));
  });
}

// --- terminal ---

struct TerminalFlags {
  std::string store;
  std::string code;
  std::optional<std::string> name;
  std::optional<bool> active;
  std::string request_id;
};

void AddTerminalKeyFlags(CLI::App* app, TerminalFlags& f) {
  app->add_option("--store", f.store, "the store's code")->required();
  app->add_option("--code", f.code, "the terminal's code within the store")
      ->required();
}

void AddTerminalFieldFlags(CLI::App* app, TerminalFlags& f, bool creating) {
  AddTextFlag(app, "--name", f.name, "a human-readable name, 1-200 characters")
      ->required(creating);
  AddBoolFlag(app, "--active", f.active,
              creating ? "whether the till may post sales (default true)"
                       : "whether the till may post sales");
}

void ApplyTerminalFlags(const TerminalFlags& f, v1::Terminal& terminal,
                        FieldMask* mask) {
  terminal.set_store_code(f.store);
  terminal.set_code(f.code);
  ApplyFlag(f.name, "display_name", mask,
            [&](const std::string& v) { terminal.set_display_name(v); });
  ApplyFlag(f.active, "active", mask, [&](bool v) { terminal.set_active(v); });
}

void AddTerminalCommands(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "terminal", "terminals (tills) of a store: create, get, list, update");
  group->require_subcommand(1);

  auto create_flags = std::make_shared<TerminalFlags>();
  CLI::App* create =
      group->add_subcommand("create", "create a terminal in a store");
  AddTerminalKeyFlags(create, *create_flags);
  AddTerminalFieldFlags(create, *create_flags, /*creating=*/true);
  AddRequestIdFlag(create, create_flags->request_id);
  SetAction(create, selected, [f = create_flags](const Session& session) {
    v1::CreateTerminalRequest request;
    ApplyTerminalFlags(*f, *request.mutable_terminal(), nullptr);
    if (!f->active) request.mutable_terminal()->set_active(true);
    request.set_request_id(RequestIdOrNew(f->request_id));
    return PrintResponse(session, session.catalog().CreateTerminal(request));
  });

  auto get_flags = std::make_shared<TerminalFlags>();
  CLI::App* get = group->add_subcommand("get", "show one terminal");
  AddTerminalKeyFlags(get, *get_flags);
  SetAction(get, selected, [f = get_flags](const Session& session) {
    v1::GetTerminalRequest request;
    request.set_store_code(f->store);
    request.set_code(f->code);
    return PrintResponse(session, session.catalog().GetTerminal(request));
  });

  auto list_store = std::make_shared<std::string>();
  auto page = std::make_shared<PageFlags>();
  CLI::App* list =
      group->add_subcommand("list", "list the terminals of a store by code");
  list->add_option("--store", *list_store, "the store's code")->required();
  AddPageFlags(list, *page);
  SetAction(list, selected, [store = list_store, page](const Session& session) {
    v1::ListTerminalsRequest request;
    request.set_store_code(*store);
    CatalogClient catalog = session.catalog();
    return ListPages(session, request, *page,
                     [&](const auto& r) { return catalog.ListTerminals(r); });
  });

  auto update_flags = std::make_shared<TerminalFlags>();
  CLI::App* update =
      group->add_subcommand("update", "change the given fields of a terminal");
  AddTerminalKeyFlags(update, *update_flags);
  AddTerminalFieldFlags(AddFieldsGroup(update), *update_flags,
                        /*creating=*/false);
  AddRequestIdFlag(update, update_flags->request_id);
  SetAction(update, selected, [f = update_flags](const Session& session) {
    v1::UpdateTerminalRequest request;
    ApplyTerminalFlags(*f, *request.mutable_terminal(),
                       request.mutable_update_mask());
    request.set_request_id(RequestIdOrNew(f->request_id));
    return PrintResponse(session, session.catalog().UpdateTerminal(request));
  });
}

// --- product ---

struct ProductFlags {
  std::string sku;
  std::vector<std::string> barcodes;
  CLI::Option* barcode_option = nullptr;
  bool no_barcodes = false;
  std::optional<std::string> name;
  std::optional<std::string> unit;
  std::optional<bool> sold_by_weight;
  std::optional<std::int32_t> tax_rate_bp;
  std::optional<std::int64_t> price;
  std::optional<std::string> currency;
  std::optional<bool> active;
  std::optional<std::string> preferred_supplier;
  std::optional<std::int32_t> shelf_life_days;
  std::optional<std::int32_t> sell_by_margin_days;
  std::string request_id;
};

void AddProductFieldFlags(CLI::App* app, ProductFlags& f, bool creating) {
  f.barcode_option = app->add_option(
      "--barcode", f.barcodes,
      creating ? "a barcode of the product; repeat for several"
               : "the product's barcodes, replacing the whole set; repeat "
                 "for several");
  if (!creating) {
    app->add_flag("--no-barcodes", f.no_barcodes, "remove every barcode")
        ->excludes(f.barcode_option);
  }
  AddTextFlag(app, "--name", f.name, "the product's name, 1-200 characters")
      ->required(creating);
  AddTextFlag(app, "--unit", f.unit, "unit of measure, such as pcs, kg or l")
      ->required(creating);
  AddBoolFlag(app, "--sold-by-weight", f.sold_by_weight,
              creating ? "quantities are fractional (default false)"
                       : "quantities are fractional");
  AddInt32Flag(app, "--tax-rate-bp", f.tax_rate_bp,
               "VAT in basis points: 1100 is 11%")
      ->required(creating);
  AddMoneyFlags(app, "--price", f.price, f.currency,
                "the default shelf price, tax included");
  if (creating) {
    app->get_option("--price")->required();
    app->get_option("--currency")->required();
  }
  AddBoolFlag(app, "--active", f.active,
              creating ? "may be sold and ordered (default true)"
                       : "may be sold and ordered");
  AddTextFlag(app, "--preferred-supplier", f.preferred_supplier,
              "the code of the supplier it is normally ordered from, which "
              "needs an active supplier item for it; \"\" for none");
  AddInt32Flag(app, "--shelf-life-days", f.shelf_life_days,
               "days from receipt to expiry; 0: does not expire");
  AddInt32Flag(app, "--sell-by-margin-days", f.sell_by_margin_days,
               "days before expiry when a lot stops being sellable");
}

void ApplyProductFlags(const ProductFlags& f, v1::Product& product,
                       FieldMask* mask) {
  product.set_sku(f.sku);
  if (f.barcode_option->count() > 0 || f.no_barcodes) {
    for (const std::string& barcode : f.barcodes) product.add_barcodes(barcode);
    if (mask != nullptr) mask->add_paths("barcodes");
  }
  ApplyFlag(f.name, "display_name", mask,
            [&](const std::string& v) { product.set_display_name(v); });
  ApplyFlag(f.unit, "unit_of_measure", mask,
            [&](const std::string& v) { product.set_unit_of_measure(v); });
  ApplyFlag(f.sold_by_weight, "sold_by_weight", mask,
            [&](bool v) { product.set_sold_by_weight(v); });
  ApplyFlag(f.tax_rate_bp, "tax_rate_basis_points", mask,
            [&](std::int32_t v) { product.set_tax_rate_basis_points(v); });
  ApplyMoney(f.price, f.currency, "default_price", mask,
             [&] { return product.mutable_default_price(); });
  ApplyFlag(f.active, "active", mask, [&](bool v) { product.set_active(v); });
  ApplyFlag(f.preferred_supplier, "preferred_supplier", mask,
            [&](const std::string& v) { product.set_preferred_supplier(v); });
  ApplyFlag(f.shelf_life_days, "shelf_life_days", mask,
            [&](std::int32_t v) { product.set_shelf_life_days(v); });
  ApplyFlag(f.sell_by_margin_days, "sell_by_margin_days", mask,
            [&](std::int32_t v) { product.set_sell_by_margin_days(v); });
}

void AddProductCommands(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "product",
      "products of the chain's catalog: create, get, list, update (see also "
      "`import products`)");
  group->require_subcommand(1);
  const std::string sku_help = "the product's SKU";

  auto create_flags = std::make_shared<ProductFlags>();
  CLI::App* create = group->add_subcommand(
      "create", "create a product with its barcodes (head office, admins)");
  create
      ->add_option("--sku", create_flags->sku,
                   "the new product's SKU, 1-64 characters")
      ->required();
  AddProductFieldFlags(create, *create_flags, /*creating=*/true);
  AddRequestIdFlag(create, create_flags->request_id);
  SetAction(create, selected, [f = create_flags](const Session& session) {
    v1::CreateProductRequest request;
    ApplyProductFlags(*f, *request.mutable_product(), nullptr);
    if (!f->active) request.mutable_product()->set_active(true);
    request.set_request_id(RequestIdOrNew(f->request_id));
    return PrintResponse(session, session.catalog().CreateProduct(request));
  });

  struct ProductKey {
    std::string sku;
    std::string barcode;
  };
  auto key = std::make_shared<ProductKey>();
  CLI::App* get =
      group->add_subcommand("get", "show one product, by SKU or by barcode");
  CLI::Option_group* key_group =
      get->add_option_group("Product", "exactly one of --sku and --barcode");
  key_group->add_option("--sku", key->sku, sku_help);
  key_group->add_option("--barcode", key->barcode, "one of its barcodes");
  key_group->require_option(1);
  SetAction(get, selected, [key](const Session& session) {
    v1::GetProductRequest request;
    request.set_sku(key->sku);
    request.set_barcode(key->barcode);
    return PrintResponse(session, session.catalog().GetProduct(request));
  });

  struct ListFlags {
    std::string text;
    bool active_only = false;
    PageFlags page;
  };
  auto list_flags = std::make_shared<ListFlags>();
  CLI::App* list = group->add_subcommand("list", "list products by SKU");
  list->add_option("--filter", list_flags->text,
                   "only products whose SKU or name contains this text");
  list->add_flag("--active-only", list_flags->active_only,
                 "only active products");
  AddPageFlags(list, list_flags->page);
  SetAction(list, selected, [f = list_flags](const Session& session) {
    v1::ListProductsRequest request;
    request.set_text_filter(f->text);
    request.set_active_only(f->active_only);
    CatalogClient catalog = session.catalog();
    return ListPages(session, request, f->page,
                     [&](const auto& r) { return catalog.ListProducts(r); });
  });

  auto update_flags = std::make_shared<ProductFlags>();
  CLI::App* update = group->add_subcommand(
      "update", "change the given fields of a product (head office, admins)");
  update->add_option("--sku", update_flags->sku, sku_help)->required();
  AddProductFieldFlags(AddFieldsGroup(update), *update_flags,
                       /*creating=*/false);
  AddRequestIdFlag(update, update_flags->request_id);
  SetAction(update, selected, [f = update_flags](const Session& session) {
    v1::UpdateProductRequest request;
    ApplyProductFlags(*f, *request.mutable_product(),
                      request.mutable_update_mask());
    request.set_request_id(RequestIdOrNew(f->request_id));
    return PrintResponse(session, session.catalog().UpdateProduct(request));
  });
}

// --- setting ---

struct SettingFlags {
  std::string store;
  std::string sku;
  std::optional<std::int64_t> price;
  std::optional<std::string> currency;
  bool clear_price = false;
  std::optional<std::int64_t> reorder_point_milli;
  std::optional<std::int64_t> min_quantity_milli;
  std::optional<std::int64_t> max_quantity_milli;
  std::optional<std::string> preferred_supplier;
  std::string request_id;
};

void AddSettingKeyFlags(CLI::App* app, SettingFlags& f) {
  app->add_option("--store", f.store, "the store's code")->required();
  app->add_option("--sku", f.sku, "the product's SKU")->required();
}

// SetProductStoreSetting replaces every field, so `setting set` reads the
// stored setting first and changes only the fields given, like the update
// commands do.
int SetSetting(const SettingFlags& f, const Session& session) {
  CatalogClient catalog = session.catalog();
  v1::GetProductStoreSettingRequest get;
  get.set_store_code(f.store);
  get.set_sku(f.sku);
  auto stored = catalog.GetProductStoreSetting(get);
  if (!stored.ok() && stored.status().code() != StatusCode::kNotFound) {
    return Fail(stored.status());
  }

  v1::SetProductStoreSettingRequest request;
  v1::ProductStoreSetting& setting = *request.mutable_setting();
  // When there is no setting yet (or no such product, which the set call
  // will then report), start from no override and zero quantities.
  if (stored.ok()) setting = stored->setting();
  setting.set_store_code(f.store);
  setting.set_sku(f.sku);
  setting.clear_update_time();
  if (f.clear_price) setting.clear_price_override();
  ApplyMoney(f.price, f.currency, "price_override", nullptr,
             [&] { return setting.mutable_price_override(); });
  if (f.reorder_point_milli) {
    setting.set_reorder_point_milli(*f.reorder_point_milli);
  }
  if (f.min_quantity_milli) {
    setting.set_min_quantity_milli(*f.min_quantity_milli);
  }
  if (f.max_quantity_milli) {
    setting.set_max_quantity_milli(*f.max_quantity_milli);
  }
  if (f.preferred_supplier) {
    setting.set_preferred_supplier(*f.preferred_supplier);
  }
  request.set_request_id(RequestIdOrNew(f.request_id));
  return PrintResponse(session, catalog.SetProductStoreSetting(request));
}

void AddSettingCommands(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "setting",
      "a product's settings in one store (price override, reorder point, "
      "min and max stock, preferred supplier): set, get, list");
  group->require_subcommand(1);

  auto set_flags = std::make_shared<SettingFlags>();
  CLI::App* set = group->add_subcommand(
      "set",
      "change the given settings of a product in a store; the others keep "
      "their values (a new setting starts with no price override and zero "
      "quantities). Quantities are decimals with up to 3 places, such as "
      "12.5");
  AddSettingKeyFlags(set, *set_flags);
  CLI::App* fields = AddFieldsGroup(set);
  AddMoneyFlags(fields, "--price", set_flags->price, set_flags->currency,
                "the store's own price, overriding the default price");
  fields
      ->add_flag("--clear-price", set_flags->clear_price,
                 "remove the price override: the default price applies")
      ->excludes(fields->get_option("--price"));
  AddMilliFlag(fields, "--reorder-point", set_flags->reorder_point_milli,
               "reorder when stock falls to this quantity or below");
  AddMilliFlag(fields, "--min", set_flags->min_quantity_milli,
               "the minimum stock to keep");
  AddMilliFlag(fields, "--max", set_flags->max_quantity_milli,
               "the maximum stock to hold; 0 means no maximum");
  AddTextFlag(fields, "--preferred-supplier", set_flags->preferred_supplier,
              "the supplier this store orders the product from, where it "
              "differs from the product's (needs an active supplier item); "
              "\"\" for the product's");
  AddRequestIdFlag(set, set_flags->request_id);
  SetAction(set, selected, [f = set_flags](const Session& session) {
    return SetSetting(*f, session);
  });

  auto get_flags = std::make_shared<SettingFlags>();
  CLI::App* get =
      group->add_subcommand("get", "show a product's settings in a store");
  AddSettingKeyFlags(get, *get_flags);
  SetAction(get, selected, [f = get_flags](const Session& session) {
    v1::GetProductStoreSettingRequest request;
    request.set_store_code(f->store);
    request.set_sku(f->sku);
    return PrintResponse(session,
                         session.catalog().GetProductStoreSetting(request));
  });

  auto list_store = std::make_shared<std::string>();
  auto page = std::make_shared<PageFlags>();
  CLI::App* list = group->add_subcommand(
      "list", "list the product settings of a store by SKU");
  list->add_option("--store", *list_store, "the store's code")->required();
  AddPageFlags(list, *page);
  SetAction(list, selected, [store = list_store, page](const Session& session) {
    v1::ListProductStoreSettingsRequest request;
    request.set_store_code(*store);
    CatalogClient catalog = session.catalog();
    return ListPages(session, request, *page, [&](const auto& r) {
      return catalog.ListProductStoreSettings(r);
    });
  });
}

// --- supplier ---

struct SupplierFlags {
  std::string code;
  std::optional<std::string> name;
  std::optional<std::string> phone;
  std::optional<std::string> email;
  std::optional<std::string> address;
  std::optional<std::int32_t> payment_terms_days;
  std::optional<bool> active;
  std::string request_id;
};

void AddSupplierFieldFlags(CLI::App* app, SupplierFlags& f, bool creating) {
  AddTextFlag(app, "--name", f.name, "the supplier's name, 1-200 characters")
      ->required(creating);
  AddTextFlag(app, "--phone", f.phone, "a telephone number");
  AddTextFlag(app, "--email", f.email, "an e-mail address");
  AddTextFlag(app, "--address", f.address, "the postal address");
  AddInt32Flag(app, "--payment-terms-days", f.payment_terms_days,
               "payment terms in days, 0-365");
  AddBoolFlag(app, "--active", f.active,
              creating ? "orders may be placed (default true)"
                       : "orders may be placed");
}

void ApplySupplierFlags(const SupplierFlags& f, v1::Supplier& supplier,
                        FieldMask* mask) {
  supplier.set_code(f.code);
  ApplyFlag(f.name, "display_name", mask,
            [&](const std::string& v) { supplier.set_display_name(v); });
  ApplyFlag(f.phone, "phone", mask,
            [&](const std::string& v) { supplier.set_phone(v); });
  ApplyFlag(f.email, "email", mask,
            [&](const std::string& v) { supplier.set_email(v); });
  ApplyFlag(f.address, "address", mask,
            [&](const std::string& v) { supplier.set_address(v); });
  ApplyFlag(f.payment_terms_days, "payment_terms_days", mask,
            [&](std::int32_t v) { supplier.set_payment_terms_days(v); });
  ApplyFlag(f.active, "active", mask, [&](bool v) { supplier.set_active(v); });
}

void AddSupplierCommands(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "supplier", "suppliers of goods: create, get, list, update");
  group->require_subcommand(1);
  const std::string code_help = "the supplier's code";

  auto create_flags = std::make_shared<SupplierFlags>();
  CLI::App* create = group->add_subcommand("create", "create a supplier");
  create->add_option("--code", create_flags->code, "the new supplier's code")
      ->required();
  AddSupplierFieldFlags(create, *create_flags, /*creating=*/true);
  AddRequestIdFlag(create, create_flags->request_id);
  SetAction(create, selected, [f = create_flags](const Session& session) {
    v1::CreateSupplierRequest request;
    ApplySupplierFlags(*f, *request.mutable_supplier(), nullptr);
    if (!f->active) request.mutable_supplier()->set_active(true);
    request.set_request_id(RequestIdOrNew(f->request_id));
    return PrintResponse(session, session.catalog().CreateSupplier(request));
  });

  auto get_code = std::make_shared<std::string>();
  CLI::App* get = group->add_subcommand("get", "show one supplier");
  get->add_option("--code", *get_code, code_help)->required();
  SetAction(get, selected, [code = get_code](const Session& session) {
    v1::GetSupplierRequest request;
    request.set_code(*code);
    return PrintResponse(session, session.catalog().GetSupplier(request));
  });

  struct ListFlags {
    bool active_only = false;
    PageFlags page;
  };
  auto list_flags = std::make_shared<ListFlags>();
  CLI::App* list = group->add_subcommand("list", "list suppliers by code");
  list->add_flag("--active-only", list_flags->active_only,
                 "only active suppliers");
  AddPageFlags(list, list_flags->page);
  SetAction(list, selected, [f = list_flags](const Session& session) {
    v1::ListSuppliersRequest request;
    request.set_active_only(f->active_only);
    CatalogClient catalog = session.catalog();
    return ListPages(session, request, f->page,
                     [&](const auto& r) { return catalog.ListSuppliers(r); });
  });

  auto update_flags = std::make_shared<SupplierFlags>();
  CLI::App* update =
      group->add_subcommand("update", "change the given fields of a supplier");
  update->add_option("--code", update_flags->code, code_help)->required();
  AddSupplierFieldFlags(AddFieldsGroup(update), *update_flags,
                        /*creating=*/false);
  AddRequestIdFlag(update, update_flags->request_id);
  SetAction(update, selected, [f = update_flags](const Session& session) {
    v1::UpdateSupplierRequest request;
    ApplySupplierFlags(*f, *request.mutable_supplier(),
                       request.mutable_update_mask());
    request.set_request_id(RequestIdOrNew(f->request_id));
    return PrintResponse(session, session.catalog().UpdateSupplier(request));
  });
}

// --- customer ---

struct CustomerFlags {
  std::string store;
  std::string code;
  std::optional<std::string> name;
  std::optional<std::string> phone;
  std::optional<std::int64_t> credit_limit;
  std::optional<std::string> currency;
  std::optional<std::int32_t> credit_terms_days;
  std::optional<bool> active;
  std::string request_id;
};

void AddCustomerKeyFlags(CLI::App* app, CustomerFlags& f) {
  app->add_option("--store", f.store, "the code of the customer's store")
      ->required();
  app->add_option("--code", f.code, "the customer's code within the store")
      ->required();
}

void AddCustomerFieldFlags(CLI::App* app, CustomerFlags& f, bool creating) {
  AddTextFlag(app, "--name", f.name, "the customer's name, 1-200 characters")
      ->required(creating);
  AddTextFlag(app, "--phone", f.phone, "a telephone number");
  AddMoneyFlags(app, "--credit-limit", f.credit_limit, f.currency,
                "the hard credit limit in the store's currency");
  if (creating) {
    app->get_option("--credit-limit")->required();
    app->get_option("--currency")->required();
  }
  AddInt32Flag(app, "--credit-terms-days", f.credit_terms_days,
               creating ? "days after a charge's business day until it falls "
                          "due, 0-365 (default 30)"
                        : "days after a charge's business day until it falls "
                          "due, 0-365");
  AddBoolFlag(
      app, "--active", f.active,
      creating ? "may buy on account (default true)" : "may buy on account");
}

void ApplyCustomerFlags(const CustomerFlags& f, v1::Customer& customer,
                        FieldMask* mask) {
  customer.set_store_code(f.store);
  customer.set_code(f.code);
  ApplyFlag(f.name, "display_name", mask,
            [&](const std::string& v) { customer.set_display_name(v); });
  ApplyFlag(f.phone, "phone", mask,
            [&](const std::string& v) { customer.set_phone(v); });
  ApplyMoney(f.credit_limit, f.currency, "credit_limit", mask,
             [&] { return customer.mutable_credit_limit(); });
  ApplyFlag(f.credit_terms_days, "credit_terms_days", mask,
            [&](std::int32_t v) { customer.set_credit_terms_days(v); });
  ApplyFlag(f.active, "active", mask, [&](bool v) { customer.set_active(v); });
}

void AddCustomerCommands(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "customer",
      "customers buying on account at a store: create, get, list, update");
  group->require_subcommand(1);

  auto create_flags = std::make_shared<CustomerFlags>();
  CLI::App* create =
      group->add_subcommand("create", "create a credit customer of a store");
  AddCustomerKeyFlags(create, *create_flags);
  AddCustomerFieldFlags(create, *create_flags, /*creating=*/true);
  AddRequestIdFlag(create, create_flags->request_id);
  SetAction(create, selected, [f = create_flags](const Session& session) {
    v1::CreateCustomerRequest request;
    ApplyCustomerFlags(*f, *request.mutable_customer(), nullptr);
    if (!f->active) request.mutable_customer()->set_active(true);
    request.set_request_id(RequestIdOrNew(f->request_id));
    return PrintResponse(session, session.catalog().CreateCustomer(request));
  });

  auto get_flags = std::make_shared<CustomerFlags>();
  CLI::App* get = group->add_subcommand("get", "show one credit customer");
  AddCustomerKeyFlags(get, *get_flags);
  SetAction(get, selected, [f = get_flags](const Session& session) {
    v1::GetCustomerRequest request;
    request.set_store_code(f->store);
    request.set_code(f->code);
    return PrintResponse(session, session.catalog().GetCustomer(request));
  });

  auto list_store = std::make_shared<std::string>();
  auto page = std::make_shared<PageFlags>();
  CLI::App* list = group->add_subcommand(
      "list", "list the credit customers of a store by code");
  list->add_option("--store", *list_store, "the store's code")->required();
  AddPageFlags(list, *page);
  SetAction(list, selected, [store = list_store, page](const Session& session) {
    v1::ListCustomersRequest request;
    request.set_store_code(*store);
    CatalogClient catalog = session.catalog();
    return ListPages(session, request, *page,
                     [&](const auto& r) { return catalog.ListCustomers(r); });
  });

  auto update_flags = std::make_shared<CustomerFlags>();
  CLI::App* update = group->add_subcommand(
      "update", "change the given fields of a credit customer");
  AddCustomerKeyFlags(update, *update_flags);
  AddCustomerFieldFlags(AddFieldsGroup(update), *update_flags,
                        /*creating=*/false);
  AddRequestIdFlag(update, update_flags->request_id);
  SetAction(update, selected, [f = update_flags](const Session& session) {
    v1::UpdateCustomerRequest request;
    ApplyCustomerFlags(*f, *request.mutable_customer(),
                       request.mutable_update_mask());
    request.set_request_id(RequestIdOrNew(f->request_id));
    return PrintResponse(session, session.catalog().UpdateCustomer(request));
  });
}

}  // namespace

void AddCatalogCommands(CLI::App& app, Action& selected) {
  AddStoreCommands(app, selected);
  AddTerminalCommands(app, selected);
  AddProductCommands(app, selected);
  AddSettingCommands(app, selected);
  AddSupplierCommands(app, selected);
  AddCustomerCommands(app, selected);
}

}  // namespace backoffice::ctl
