// Internal to gl_report: text drawn with pango onto a cairo context in points, for the rosters
// and the door cards.
#pragma once

#include <memory>
#include <string>

#include <cairo.h>
#include <pango/pangocairo.h>

namespace gl::report {

struct FontDeleter {
  void operator()(PangoFontDescription* f) const { pango_font_description_free(f); }
};
using Font = std::unique_ptr<PangoFontDescription, FontDeleter>;

// The CJK font through fontconfig (WenQuanYi Micro Hei is the one Debian installs with us).
Font font(double points, bool bold = false);

enum class Align { Left, Center, Right };

// Text in a box, vertically centred: one line cut with "…" when it does not fit, or up to
// `lines` lines wrapped. `outline` draws it as shapes, not text (a watermark: neither extracted
// with the text nor edited out of it).
class Painter {
 public:
  explicit Painter(cairo_t* cr);
  ~Painter();
  Painter(const Painter&) = delete;
  Painter& operator=(const Painter&) = delete;

  void text(const std::string& s, double x, double y, double w, double h, const Font& f, Align align = Align::Left,
            double pad = 3, bool outline = false, int lines = 1);

 private:
  cairo_t* cr_;
  PangoLayout* layout_;
};

}  // namespace gl::report
