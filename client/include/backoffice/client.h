// The backoffice C++ SDK: typed clients for tills (POS systems), head office
// tools and the admin CLI. This umbrella header includes every client; each
// also has a header of its own (backoffice/sales_client.h, ...).
//
// A Connection holds the channel, the bearer token, TLS settings, the
// per-attempt deadline and the retry options; it is created once and shared
// by value-type clients:
//
//   backoffice::ConnectionOptions options;
//   options.address = "backoffice.example:50051";
//   options.token = std::getenv("BACKOFFICE_TOKEN");
//   options.ca_file = "/etc/backoffice/ca.pem";  // Enables TLS.
//   auto connection = backoffice::MakeConnection(options);
//   if (!connection) { /* connection.status() says why */ }
//   backoffice::CatalogClient catalog(*connection);
//   auto product = catalog.GetProduct(request);
//   if (!product) std::cerr << product.status().reason();
//
// Each client sits over a per-service connection interface
// (CatalogConnection, SalesConnection, ...): MakeSalesConnection(connection)
// gives the SDK's own, which calls the server over gRPC and retries; a test
// may give a client backoffice::mocks::MockSalesConnection instead
// (backoffice/mocks/). The generated gRPC stubs never appear in a public
// header.
//
// No function throws to report an error: each returns a Status or StatusOr
// whose status carries the gRPC code, the message and the server's stable
// reason. The SDK does not validate requests; the server is the one judge.
//
// @par Thread Safety
// Connection and the clients are safe for concurrent use from many threads;
// clients are cheap to copy and share their connection.
#ifndef BACKOFFICE_CLIENT_H_
#define BACKOFFICE_CLIENT_H_

#include "backoffice/access_client.h"
#include "backoffice/approval_client.h"
#include "backoffice/closing_client.h"
#include "backoffice/audit_client.h"
#include "backoffice/catalog_client.h"
#include "backoffice/connection.h"
#include "backoffice/credit_client.h"
#include "backoffice/goods_receipt_client.h"
#include "backoffice/inventory_client.h"
#include "backoffice/options.h"
#include "backoffice/purchase_order_client.h"
#include "backoffice/purchasing_client.h"
#include "backoffice/reconciliation_client.h"
#include "backoffice/sales_client.h"
#include "backoffice/status.h"
#include "backoffice/stock_control_client.h"

#endif  // BACKOFFICE_CLIENT_H_
