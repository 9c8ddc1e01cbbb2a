// Builds against the installed SDK only: a till connecting to a server that
// is not there gets a Status, not an exception.
#include <iostream>

#include "backoffice/client.h"

int main() {
  backoffice::ConnectionOptions options;
  options.address = "127.0.0.1:1";
  options.timeout = std::chrono::milliseconds(500);
  auto connection = backoffice::MakeConnection(options);
  if (!connection) return 1;
  backoffice::CatalogClient catalog(*connection);
  backoffice::v1::GetProductRequest request;
  request.set_barcode("8991234567890");
  auto product = catalog.GetProduct(request);
  std::cout << product.status() << "\n";
  return product.status().code() == backoffice::StatusCode::kUnavailable ? 0
                                                                         : 1;
}
