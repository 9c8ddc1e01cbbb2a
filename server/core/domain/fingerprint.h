// Fingerprints of client documents: a hash of everything the client said
// about a document (not what the server added), so that a document sent
// again with the same id is told apart from another document reusing it.
#ifndef BACKOFFICE_SERVER_CORE_DOMAIN_FINGERPRINT_H_
#define BACKOFFICE_SERVER_CORE_DOMAIN_FINGERPRINT_H_

#include <cstdint>
#include <string>

namespace backoffice::domain {

class FingerprintBuilder {
 public:
  // `kind` names the document and its fingerprint version ("sale/v1").
  explicit FingerprintBuilder(const std::string& kind);

  // Each field is length-prefixed, so that "ab"+"c" and "a"+"bc" differ.
  FingerprintBuilder& Add(const std::string& value);
  FingerprintBuilder& Add(std::int64_t value);

  // The hex SHA-256 of the fields added.
  std::string Finish() const;

 private:
  std::string text_;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_CORE_DOMAIN_FINGERPRINT_H_
