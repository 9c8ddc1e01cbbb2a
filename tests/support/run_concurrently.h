// Runs N writers at once: the one way tests start concurrent work.
#ifndef BACKOFFICE_TESTS_SUPPORT_RUN_CONCURRENTLY_H_
#define BACKOFFICE_TESTS_SUPPORT_RUN_CONCURRENTLY_H_

#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace backoffice::testing {

// Starts `n` threads that call `body(0)` ... `body(n - 1)`, released
// together once every thread has started (so they really race), and returns
// when all have finished. gtest failures recorded in `body` (ADD_FAILURE,
// EXPECT_*) count for the calling test; the first exception `body` throws in
// any thread is rethrown here, after every thread has been joined.
inline void RunConcurrently(int n, const std::function<void(int)>& body) {
  std::mutex mutex;
  std::condition_variable all_started;
  int started = 0;
  std::exception_ptr first_error;
  std::vector<std::thread> threads;
  threads.reserve(n);
  for (int i = 0; i < n; ++i) {
    threads.emplace_back([&, i] {
      {
        std::unique_lock<std::mutex> lock(mutex);
        if (++started == n) {
          all_started.notify_all();
        } else {
          all_started.wait(lock, [&] { return started == n; });
        }
      }
      try {
        body(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex);
        if (!first_error) first_error = std::current_exception();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  if (first_error) std::rethrow_exception(first_error);
}

}  // namespace backoffice::testing

#endif  // BACKOFFICE_TESTS_SUPPORT_RUN_CONCURRENTLY_H_
