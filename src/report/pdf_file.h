// Internal to gl_report: pages drawn with cairo written as a PDF file atomically (a temp file beside
// it, fsynced, renamed; 0600).
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include <cairo.h>

namespace gl::report {

// Throws gl::Error (Environment) when the file cannot be written; nothing is left behind then.
void writePdfPages(const std::filesystem::path& out, double width, double height, int pages,
                   const std::function<void(cairo_t*, int page)>& draw, const std::string& title,
                   const std::string& author);

}  // namespace gl::report
