// The token cache in front of the access repository: what costs a lookup,
// what costs only the revocation generation, and what costs nothing.
#include "access/domain/caching_authenticator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/domain/token_secret.h"

namespace backoffice::domain {
namespace {

using ::testing::_;
using ::testing::Return;
using ::testing::StrictMock;

class MockAccessRepository : public AccessRepository {
 public:
  MOCK_METHOD(StatusOr<Principal>, FindPrincipalByTokenHash,
              (const std::string&), (override));
  MOCK_METHOD(StatusOr<AccessToken>, CreateToken,
              (const AccessToken&, const std::string&, const RequestContext*),
              (override));
  MOCK_METHOD(StatusOr<std::vector<AccessToken>>, ListTokens,
              (bool, const PageRequest&), (override));
  MOCK_METHOD(StatusOr<AccessToken>, GetToken, (std::int64_t), (override));
  MOCK_METHOD(StatusOr<AccessToken>, RevokeToken,
              (std::int64_t, const RequestContext&), (override));
  MOCK_METHOD(StatusOr<std::int64_t>, ReadRevocationGeneration, (), (override));
};

Principal Till() { return Principal{7, "till", Role::kPosTerminal, "A", "T1"}; }

Status Unknown() {
  return Status(StatusCode::kUnauthenticated, "INVALID_TOKEN", "unknown");
}

class CachingAuthenticatorTest : public ::testing::Test {
 protected:
  CachingAuthenticator Make() {
    AuthCacheOptions options;
    options.positive_ttl = std::chrono::seconds(5);
    options.negative_ttl = std::chrono::seconds(5);
    options.known_ttl = std::chrono::seconds(60);
    return CachingAuthenticator(lookups_, generations_, options,
                                [this] { return now_; });
  }

  StrictMock<MockAccessRepository> lookups_;
  StrictMock<MockAccessRepository> generations_;
  std::chrono::steady_clock::time_point now_{};
  const std::string secret_ = GenerateTokenSecret();
};

TEST_F(CachingAuthenticatorTest, AVerifiedTokenCostsOnlyTheGenerationRead) {
  auto auth = Make();
  EXPECT_CALL(generations_, ReadRevocationGeneration())
      .Times(3)
      .WillRepeatedly(Return(StatusOr<std::int64_t>(4)));
  EXPECT_CALL(lookups_, FindPrincipalByTokenHash(HashTokenSecret(secret_)))
      .WillOnce(Return(StatusOr<Principal>(Till())));
  for (int i = 0; i < 3; ++i) {
    auto principal = auth.Authenticate(secret_);
    ASSERT_TRUE(principal.ok()) << principal.status();
    EXPECT_EQ(principal->token_id, 7);
  }
}

TEST_F(CachingAuthenticatorTest, ARevocationTakesEffectOnTheNextCall) {
  auto auth = Make();
  EXPECT_CALL(generations_, ReadRevocationGeneration())
      .WillOnce(Return(StatusOr<std::int64_t>(4)))
      .WillOnce(Return(StatusOr<std::int64_t>(5)));
  EXPECT_CALL(lookups_, FindPrincipalByTokenHash(_))
      .WillOnce(Return(StatusOr<Principal>(Till())))
      .WillOnce(Return(StatusOr<Principal>(Unknown())));
  ASSERT_TRUE(auth.Authenticate(secret_).ok());
  // Revoked elsewhere: the generation moved, so the cache is not trusted.
  EXPECT_EQ(auth.Authenticate(secret_).status().code(),
            StatusCode::kUnauthenticated);
  // From now on it is refused without any round trip.
  EXPECT_EQ(auth.Authenticate(secret_).status().code(),
            StatusCode::kUnauthenticated);
}

TEST_F(CachingAuthenticatorTest,
       AnUnknownTokenIsRefusedWithoutLookupsForAWhile) {
  auto auth = Make();
  EXPECT_CALL(generations_, ReadRevocationGeneration())
      .Times(2)
      .WillRepeatedly(Return(StatusOr<std::int64_t>(1)));
  EXPECT_CALL(lookups_, FindPrincipalByTokenHash(_))
      .Times(2)
      .WillRepeatedly(Return(StatusOr<Principal>(Unknown())));
  for (int i = 0; i < 100; ++i) {
    EXPECT_EQ(auth.Authenticate(secret_).status().reason(), "INVALID_TOKEN");
  }
  now_ += std::chrono::seconds(6);
  EXPECT_EQ(auth.Authenticate(secret_).status().reason(), "INVALID_TOKEN");
}

TEST_F(CachingAuthenticatorTest, AnotherTokenIsNotRefusedByTheCache) {
  auto auth = Make();
  const std::string fresh = GenerateTokenSecret();
  EXPECT_CALL(generations_, ReadRevocationGeneration())
      .WillRepeatedly(Return(StatusOr<std::int64_t>(1)));
  EXPECT_CALL(lookups_, FindPrincipalByTokenHash(HashTokenSecret(secret_)))
      .WillOnce(Return(StatusOr<Principal>(Unknown())));
  EXPECT_CALL(lookups_, FindPrincipalByTokenHash(HashTokenSecret(fresh)))
      .WillOnce(Return(StatusOr<Principal>(Till())));
  EXPECT_FALSE(auth.Authenticate(secret_).ok());
  EXPECT_TRUE(auth.Authenticate(fresh).ok());
}

TEST_F(CachingAuthenticatorTest, AVerifiedTokenIsLookedUpAgainAfterItsTtl) {
  auto auth = Make();
  EXPECT_CALL(generations_, ReadRevocationGeneration())
      .WillRepeatedly(Return(StatusOr<std::int64_t>(1)));
  EXPECT_CALL(lookups_, FindPrincipalByTokenHash(_))
      .Times(2)
      .WillRepeatedly(Return(StatusOr<Principal>(Till())));
  EXPECT_TRUE(auth.Authenticate(secret_).ok());
  now_ += std::chrono::seconds(4);
  EXPECT_TRUE(auth.Authenticate(secret_).ok());
  now_ += std::chrono::seconds(2);
  EXPECT_TRUE(auth.Authenticate(secret_).ok());
}

TEST_F(CachingAuthenticatorTest, WithoutLookupOnlyTokensSeenValidPass) {
  auto auth = Make();
  const std::string known = GenerateTokenSecret();
  EXPECT_CALL(generations_, ReadRevocationGeneration())
      .WillRepeatedly(Return(StatusOr<std::int64_t>(1)));
  EXPECT_CALL(lookups_, FindPrincipalByTokenHash(HashTokenSecret(known)))
      .Times(2)
      .WillRepeatedly(Return(StatusOr<Principal>(Till())));
  EXPECT_TRUE(auth.Authenticate(known).ok());
  // Never seen: refused with no round trip at all (StrictMock).
  EXPECT_EQ(auth.AuthenticateWithoutLookup(secret_).status().reason(),
            "TOO_MANY_INVALID_TOKENS");
  // Seen valid: passes from the cache, and is looked up again once stale.
  EXPECT_TRUE(auth.AuthenticateWithoutLookup(known).ok());
  now_ += std::chrono::seconds(10);
  EXPECT_TRUE(auth.AuthenticateWithoutLookup(known).ok());
}

TEST_F(CachingAuthenticatorTest, MalformedSecretsCostNothing) {
  auto auth = Make();
  EXPECT_EQ(auth.Authenticate("").status().reason(), "MISSING_TOKEN");
  EXPECT_EQ(auth.Authenticate("nonsense").status().reason(), "INVALID_TOKEN");
}

TEST_F(CachingAuthenticatorTest, ADatabaseFailureIsNotCached) {
  auto auth = Make();
  EXPECT_CALL(generations_, ReadRevocationGeneration())
      .WillRepeatedly(Return(StatusOr<std::int64_t>(1)));
  EXPECT_CALL(lookups_, FindPrincipalByTokenHash(_))
      .WillOnce(Return(StatusOr<Principal>(
          Status(StatusCode::kUnavailable, "DATABASE_UNAVAILABLE", "down"))))
      .WillOnce(Return(StatusOr<Principal>(Till())));
  EXPECT_EQ(auth.Authenticate(secret_).status().code(),
            StatusCode::kUnavailable);
  EXPECT_TRUE(auth.Authenticate(secret_).ok());
}

}  // namespace
}  // namespace backoffice::domain
