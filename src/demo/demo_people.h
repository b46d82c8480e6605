// Made-up people that look like a county's: common surnames by frequency, given names, identity
// numbers with real birth dates and check digits, mobile numbers on real number segments.
#pragma once

#include <random>
#include <string>
#include <unordered_set>

#include "core/date.h"

namespace gl::demo {

using Random = std::mt19937_64;

struct Person {
  std::string name;
  bool male = true;
  core::Date birth;
  std::string idNumber;
  std::string phone;  // empty for children and some elders
};

std::string surname(Random& rng);
std::string givenName(Random& rng, bool male);
// An 18-digit number under a county code mostly local (births in the county), some from elsewhere,
// never one already handed out by this generator (real numbers are unique per person).
using IssuedIds = std::unordered_set<std::string>;
std::string idNumber(Random& rng, const core::Date& birth, bool male, const char* localCounty, IssuedIds& issued);
std::string mobile(Random& rng);
Person person(Random& rng, const std::string& familyName, bool male, int age, const core::Date& today,
              const char* localCounty, IssuedIds& issued);

int uniform(Random& rng, int lo, int hi);  // inclusive
bool chance(Random& rng, double p);

}  // namespace gl::demo
