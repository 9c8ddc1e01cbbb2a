// What every benchmark of tools/sim times with: a steady clock, elapsed
// time since a start, the wall clock in microseconds, and the median of
// rounds.
#ifndef BACKOFFICE_TOOLS_SIM_BENCH_CLOCK_H_
#define BACKOFFICE_TOOLS_SIM_BENCH_CLOCK_H_

#include <algorithm>
#include <chrono>
#include <vector>

namespace backoffice::sim {

using Clock = std::chrono::steady_clock;

inline double MillisSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start)
      .count();
}

inline double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

inline long long NowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

inline double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  if (n == 0) return 0;
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace backoffice::sim

#endif  // BACKOFFICE_TOOLS_SIM_BENCH_CLOCK_H_
