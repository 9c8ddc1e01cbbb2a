#include "catalog/domain/catalog_policy.h"

namespace backoffice::domain {
std::vector<MethodPolicy> CatalogMethodPolicies() {
  using namespace roles;  // NOLINT: the table reads better.
  // clang-format off
  return {
    // Stores are chain master data: head office and admins shape them; every
    // principal may read its own store (a till needs its time zone).
    {"/backoffice.v1.CatalogService/CreateStore", {kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CatalogService/GetStore", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.CatalogService/UpdateStore", {kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CatalogService/ListStores", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
    // A store manager runs the store's own tills.
    {"/backoffice.v1.CatalogService/CreateTerminal", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CatalogService/GetTerminal", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.CatalogService/UpdateTerminal", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CatalogService/ListTerminals", {kStaff, kManager, kHeadOffice, kAdmin}},
    // The product catalog is chain-wide; tills read it to price sales.
    {"/backoffice.v1.CatalogService/CreateProduct", {kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CatalogService/GetProduct", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.CatalogService/UpdateProduct", {kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CatalogService/ListProducts", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.CatalogService/ImportProducts", {kHeadOffice, kAdmin}, true},
    // Prices and stock levels of a store are the manager's call.
    {"/backoffice.v1.CatalogService/SetProductStoreSetting", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CatalogService/GetProductStoreSetting", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.CatalogService/ListProductStoreSettings", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
    // Suppliers are negotiated by head office; stores read them to order.
    {"/backoffice.v1.CatalogService/CreateSupplier", {kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CatalogService/GetSupplier", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.CatalogService/UpdateSupplier", {kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CatalogService/ListSuppliers", {kStaff, kManager, kHeadOffice, kAdmin}},
    // A store grants credit to its customers; its manager sets the limits.
    {"/backoffice.v1.CatalogService/CreateCustomer", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CatalogService/GetCustomer", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.CatalogService/UpdateCustomer", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CatalogService/ListCustomers", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
  };
  // clang-format on
}

}  // namespace backoffice::domain
