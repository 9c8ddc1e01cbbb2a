#include "core/transport/error_mapping.h"

#include <gtest/gtest.h>

#include "backoffice/v1/common.pb.h"
#include "core/transport/rpc_handler.h"

namespace backoffice::transport {
namespace {

TEST(ErrorMapping, CarriesCodeReasonAndMetadataInDetails) {
  Status status(StatusCode::kAlreadyExists, "SKU_ALREADY_EXISTS", "dup");
  status.WithMetadata("field", "sku");
  grpc::Status g = ToGrpcStatus(status);
  EXPECT_EQ(g.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(g.error_message(), "dup");
  v1::ErrorStatus details;
  ASSERT_TRUE(details.ParseFromString(g.error_details()));
  ASSERT_EQ(details.details_size(), 2);
  EXPECT_EQ(details.details(0).type_url(),
            "type.googleapis.com/google.rpc.ErrorInfo");
  EXPECT_EQ(details.details(1).type_url(),
            "type.googleapis.com/backoffice.v1.ErrorInfo");
  EXPECT_EQ(details.details(0).value(), details.details(1).value());
  v1::ErrorInfo info;
  ASSERT_TRUE(info.ParseFromString(details.details(0).value()));
  EXPECT_EQ(info.reason(), "SKU_ALREADY_EXISTS");
  EXPECT_EQ(info.domain(), "backoffice.v1");
  EXPECT_EQ(info.metadata().at("field"), "sku");
}

TEST(ErrorMapping, OkStaysOk) { EXPECT_TRUE(ToGrpcStatus(Status()).ok()); }

TEST(BearerToken, ParsesOnlyTheBearerScheme) {
  EXPECT_EQ(BearerToken("Bearer abc"), "abc");
  EXPECT_EQ(BearerToken("Basic abc"), "");
  EXPECT_EQ(BearerToken("Bearer "), "");
  EXPECT_EQ(BearerToken(""), "");
}

}  // namespace
}  // namespace backoffice::transport
