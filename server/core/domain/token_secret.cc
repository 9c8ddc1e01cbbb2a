#include "core/domain/token_secret.h"

#include <openssl/rand.h>
#include <openssl/sha.h>

#include <stdexcept>

namespace backoffice::domain {
namespace {

std::string Hex(const unsigned char* data, std::size_t size) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    out += kDigits[data[i] >> 4];
    out += kDigits[data[i] & 15];
  }
  return out;
}

}  // namespace

std::string GenerateTokenSecret() {
  unsigned char bytes[32];
  if (RAND_bytes(bytes, sizeof bytes) != 1) {
    // Without entropy no safe token can exist; this is not a recoverable
    // request error.
    throw std::runtime_error("the system's random generator failed");
  }
  return "bo_" + Hex(bytes, sizeof bytes);
}

std::string Sha256Hex(const std::string& text) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(),
         digest);
  return Hex(digest, sizeof digest);
}

std::string HashTokenSecret(const std::string& secret) {
  return Sha256Hex(secret);
}

}  // namespace backoffice::domain
