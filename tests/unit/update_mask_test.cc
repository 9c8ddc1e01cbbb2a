// The update mask transport computes when a request sends none (AIP-134):
// the fields the request sets, named as the domain's mask paths.
#include <gtest/gtest.h>

#include "backoffice/v1/catalog_service.pb.h"
#include "core/transport/common_mapping.h"

namespace backoffice::transport {
namespace {

using Paths = std::vector<std::string>;

TEST(UpdateMaskOf, ListsTheFieldsTheRequestSets) {
  v1::Terminal terminal;
  terminal.set_store_code("JKT01");
  terminal.set_code("T1");
  terminal.set_display_name("Front");
  google::protobuf::FieldMask none;
  EXPECT_EQ(UpdateMaskOf(none, terminal,
                         {"store_code", "code", "create_time", "update_time"}),
            Paths{"display_name"});
  terminal.set_active(true);
  terminal.mutable_create_time()->set_seconds(5);
  EXPECT_EQ(UpdateMaskOf(none, terminal,
                         {"store_code", "code", "create_time", "update_time"}),
            (Paths{"display_name", "active"}));

  v1::Product product;
  product.set_sku("SKU-1");
  product.add_barcodes("123");
  product.mutable_default_price();  // Present, even if all zero.
  product.set_tax_rate_basis_points(0);
  EXPECT_EQ(UpdateMaskOf(none, product, {"sku", "create_time", "update_time"}),
            (Paths{"barcodes", "default_price"}));
  EXPECT_TRUE(
      UpdateMaskOf(none, v1::Store(), {"code", "create_time", "update_time"})
          .empty());
}

TEST(UpdateMaskOf, KeepsAMaskThatIsSent) {
  v1::Terminal terminal;
  terminal.set_display_name("Front");
  google::protobuf::FieldMask mask;
  mask.add_paths("active");
  EXPECT_EQ(UpdateMaskOf(mask, terminal, {"code"}), Paths{"active"});
  mask.set_paths(0, "*");
  EXPECT_EQ(UpdateMaskOf(mask, terminal, {"code"}), Paths{"*"});
}

}  // namespace
}  // namespace backoffice::transport
