// Token secrets: random, shown once, stored only as a hash.
#ifndef BACKOFFICE_SERVER_DOMAIN_TOKEN_SECRET_H_
#define BACKOFFICE_SERVER_DOMAIN_TOKEN_SECRET_H_

#include <string>

namespace backoffice::domain {

// A new secret: "bo_" and 64 hex digits of 256 bits from the OS's CSPRNG.
std::string GenerateTokenSecret();
// The lowercase hex SHA-256 of a secret: the only form the server stores.
// A fast hash is enough because the secret has 256 bits of entropy.
std::string HashTokenSecret(const std::string& secret);
// Hex SHA-256 of any text (migration checksums).
std::string Sha256Hex(const std::string& text);

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_DOMAIN_TOKEN_SECRET_H_
