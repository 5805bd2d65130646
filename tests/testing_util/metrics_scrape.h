#ifndef PARLEY_TESTS_TESTING_UTIL_METRICS_SCRAPE_H
#define PARLEY_TESTS_TESTING_UTIL_METRICS_SCRAPE_H

#include <string>
#include <vector>

namespace parley::testing_util {

// GET http://127.0.0.1:port/path over HTTP/1.0; the raw response, or "" when it cannot connect.
std::string HttpGet(int port, const std::string& path);

// The value of the Prometheus sample whose line contains every one of `parts`, or -1.
double Sample(const std::string& text, const std::vector<std::string>& parts);

}  // namespace parley::testing_util

#endif  // PARLEY_TESTS_TESTING_UTIL_METRICS_SCRAPE_H
