#include "core/domain/fingerprint.h"

#include "core/domain/token_secret.h"

namespace backoffice::domain {

FingerprintBuilder::FingerprintBuilder(const std::string& kind)
    : text_(kind + ";") {}

FingerprintBuilder& FingerprintBuilder::Add(const std::string& value) {
  text_ += std::to_string(value.size());
  text_ += ':';
  text_ += value;
  text_ += ';';
  return *this;
}

FingerprintBuilder& FingerprintBuilder::Add(std::int64_t value) {
  return Add(std::to_string(value));
}

std::string FingerprintBuilder::Finish() const { return Sha256Hex(text_); }

}  // namespace backoffice::domain
