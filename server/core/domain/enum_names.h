// A stored name per value of a domain enum, for the enums that storage
// writes as text: one table per enum, read both ways.
#ifndef BACKOFFICE_SERVER_CORE_DOMAIN_ENUM_NAMES_H_
#define BACKOFFICE_SERVER_CORE_DOMAIN_ENUM_NAMES_H_

#include <cstddef>
#include <string>

namespace backoffice::domain {

struct NamePair {
  int value;
  const char* name;
};

// The name of `value` in `names`, or "UNSPECIFIED".
template <typename E, std::size_t N>
const char* NameOf(E value, const NamePair (&names)[N]) {
  for (const auto& n : names) {
    if (n.value == static_cast<int>(value)) return n.name;
  }
  return "UNSPECIFIED";
}

// The value named `name` in `names`, or the enum's zero (unspecified).
template <typename E, std::size_t N>
E ValueOf(const std::string& name, const NamePair (&names)[N]) {
  for (const auto& n : names) {
    if (name == n.name) return static_cast<E>(n.value);
  }
  return static_cast<E>(0);
}

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_CORE_DOMAIN_ENUM_NAMES_H_
