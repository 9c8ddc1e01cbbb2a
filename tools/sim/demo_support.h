// What the demo's SDK programs share: quantities and rupiah as people read
// them, and a connection or an exit.
#ifndef BACKOFFICE_TOOLS_SIM_DEMO_SUPPORT_H_
#define BACKOFFICE_TOOLS_SIM_DEMO_SUPPORT_H_

#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "backoffice/client.h"

namespace backoffice::demo {

// 1500 thousandths is "1.5".
inline std::string Qty(std::int64_t milli) {
  std::string text = std::to_string(milli / 1000);
  std::int64_t fraction = milli % 1000;
  if (fraction != 0) {
    std::string digits = std::to_string(fraction < 0 ? -fraction : fraction);
    digits.insert(0, 3 - digits.size(), '0');
    while (digits.back() == '0') digits.pop_back();
    text += "." + digits;
  }
  return text;
}

// IDR has no minor digits in use: 2800 is Rp 2.800.
inline std::string Rupiah(std::int64_t minor) {
  std::string digits = std::to_string(minor < 0 ? -minor : minor);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return (minor < 0 ? "-Rp " : "Rp ") + out;
}

inline std::shared_ptr<Connection> ConnectOrExit(const std::string& address,
                                                 const std::string& token,
                                                 const char* program) {
  ConnectionOptions options;
  options.address = address;
  options.token = token;
  auto connection = MakeConnection(options);
  if (!connection.ok()) {
    std::cerr << program << ": " << connection.status() << "\n";
    std::exit(2);
  }
  return *connection;
}

}  // namespace backoffice::demo

#endif  // BACKOFFICE_TOOLS_SIM_DEMO_SUPPORT_H_
