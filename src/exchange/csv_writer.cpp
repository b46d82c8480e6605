#include "exchange/csv_writer.h"

namespace gl::exchange {

std::string csvField(std::string_view v, bool freeText) {
  std::string value(v);
  if (freeText && !value.empty()) {
    char c = value[0];
    bool formula = c == '=' || c == '+' || c == '@' || c == '\t' || c == '\r' ||
                   (c == '-' && (value.size() == 1 || !(value[1] >= '0' && value[1] <= '9')));
    if (formula) value.insert(value.begin(), '\'');
  }
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

CsvWriter::CsvWriter(AtomicFile& out) : out_(out) { out_.write("\xEF\xBB\xBF"); }

void CsvWriter::row(const std::vector<std::string>& fields, const std::vector<bool>& freeText) {
  line_.clear();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) line_ += ',';
    line_ += csvField(fields[i], i >= freeText.size() || freeText[i]);
  }
  line_ += "\r\n";
  out_.write(line_);
  ++rows_;
}

}  // namespace gl::exchange
