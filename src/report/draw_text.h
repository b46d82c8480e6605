// Internal to gl_report: owners of cairo and pango handles, and text drawn with pango onto a cairo
// context in points, for the rosters and the door cards.
#pragma once

#include <memory>
#include <string>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "core/c_handle.h"

namespace gl::report {

using Font = core::CHandle<PangoFontDescription, pango_font_description_free>;
using Cairo = core::CHandle<cairo_t, cairo_destroy>;
using Surface = core::CHandle<cairo_surface_t, cairo_surface_destroy>;

// The CJK font through fontconfig (WenQuanYi Micro Hei is the one Debian installs with us).
Font font(double points, bool bold = false);

enum class Align { Left, Center, Right };

// Text in a box, vertically centred: one line cut with "…" when it does not fit, or up to
// `lines` lines wrapped. `outline` draws it as shapes, not text (a watermark: neither extracted
// with the text nor edited out of it).
class Painter {
 public:
  explicit Painter(cairo_t* cr);

  void text(const std::string& s, double x, double y, double w, double h, const Font& f, Align align = Align::Left,
            double pad = 3, bool outline = false, int lines = 1);

 private:
  cairo_t* cr_;
  core::CHandle<PangoLayout, g_object_unref> layout_;
};

}  // namespace gl::report
