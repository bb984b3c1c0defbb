package pose

import (
	"math"

	"handout/figures"
)

// Furniture and other flat-sided props, drawn in side view to the sizes in
// FIGURES.md ("Props"). Each is a few closed outlines; the far pair of legs
// is marked so that it is drawn lighter, behind.

// piece is one outline of a flat-sided prop.
type piece struct {
	Path []figures.Segment
	Far  bool
}

// Chair sizes (cm): an armless kitchen or dining chair.
const (
	chairSeatH   = 45.0 // top of the seat above the floor
	chairSeatD   = 44.0 // seat depth, front edge to the back posts
	chairSeatT   = 4.0  // seat thickness
	chairBackTop = 85.0 // top of the back rail above the floor
	chairRail    = 12.0 // height of the back's top rail
	chairLeg     = 3.0  // leg and post thickness
	// chairFarShift moves the far legs back a little so that they
	// show beside the near ones (forward, they would sit behind the calf).
	chairFarShift = -4.0
)

// rect is a closed counter-clockwise rectangle.
func rect(x0, y0, x1, y1 float64) []figures.Segment {
	pt := func(x, y float64) [3]figures.Point { return [3]figures.Point{{X: x, Y: y}} }
	return []figures.Segment{
		{Op: figures.MoveTo, Pts: pt(x0, y0)}, {Op: figures.LineTo, Pts: pt(x1, y0)},
		{Op: figures.LineTo, Pts: pt(x1, y1)}, {Op: figures.LineTo, Pts: pt(x0, y1)}, {Op: figures.Close},
	}
}

// chairPieces is a chair seen from the side, facing +x, the front
// edge of its seat at x = front. The back posts stand behind the seat's
// back edge, so a person sitting right back touches neither.
func chairPieces(front float64) []piece {
	back := front - chairSeatD
	seatLo := chairSeatH - chairSeatT
	legs := func(dx float64, far bool) []piece {
		return []piece{
			{rect(front-chairLeg+dx, 0, front+dx-0.5, seatLo), far},
			// The back leg runs on up as the back post.
			{rect(back-chairLeg+dx, 0, back+dx, chairBackTop), far},
		}
	}
	pieces := legs(chairFarShift, true)
	pieces = append(pieces, legs(0, false)...)
	return append(pieces,
		piece{Path: rect(back-chairLeg, seatLo, front, chairSeatH)},
		piece{Path: rect(back-chairLeg-0.5, chairBackTop-chairRail, back+0.5, chairBackTop)},
	)
}

// pieceClearance is the gap between the body parts kept and a flat-sided
// prop: negative, by the deepest point, when the body cuts into it.
func (f *solvedFigure) pieceClearance(pieces []piece, keep func(bodyPart) bool) float64 {
	var props [][]figures.Point
	for _, pc := range pieces {
		for _, poly := range rasterFlatten(pc.Path, 8) {
			props = append(props, poly.Pts)
		}
	}
	best, deepest := math.Inf(1), 0.0
	for _, p := range f.Parts {
		if !keep(p) {
			continue
		}
		for _, poly := range rasterFlatten(p.Path, 8) {
			for _, pr := range props {
				for _, q := range poly.Pts {
					d := rasterPolyDistance(pr, q)
					if rasterInside(pr, q) {
						deepest = math.Max(deepest, d)
					}
					best = math.Min(best, d)
				}
				for _, q := range pr {
					best = math.Min(best, rasterPolyDistance(poly.Pts, q))
				}
			}
		}
	}
	if deepest > 0 {
		return -deepest
	}
	return best
}

// Counter sizes (cm): a kitchen counter (FIGURES.md: 90 cm, top ≈4 cm).
const (
	counterH     = 90.0
	counterTop   = 4.0
	counterDepth = 60.0
)

// counterPieces is a kitchen counter seen from the side, its front
// edge at x = front and its depth running away to +x: the worktop, the
// cabinet under it set back 3 cm, and a toe kick the feet can go under.
func counterPieces(front float64) []piece {
	back := front + counterDepth
	return []piece{
		{Path: rect(front+3, 10, back, counterH-counterTop)},
		{Path: rect(front+9, 0, back, 10)},
		{Path: rect(front, counterH-counterTop, back, counterH)},
	}
}

// wallH is how high a wall is drawn (cm): above a standing person's
// reach, so it reads as a wall and not a post.
const wallH = 200.0

// wallPieces is a wall seen edge-on, its face at x = face and the
// wall itself beyond it (+x): a vertical line meeting the floor, with a
// light strip of its thickness.
func wallPieces(face float64) []piece {
	return []piece{{Path: rect(face, 0, face+4, wallH)}}
}

// Kneeling cushion sizes (cm): a towel folded to ≈4 cm (FIGURES.md: 3–5)
// under the down knee, long enough for the knee and the top of the shin.
const (
	cushionT   = 4.0
	cushionLen = 28.0
)

// cushionPieces is a folded towel on the floor from x = x0 on.
func cushionPieces(x0 float64) []piece {
	return []piece{{Path: roundRect(x0, 0, x0+cushionLen, cushionT, 1.2)}}
}

// Table sizes (cm): a dining table (FIGURES.md: 71–76 cm, top ≈4 cm).
const (
	tableH     = 74.0
	tableTop   = 4.0
	tableDepth = 80.0
	// tableFarShift moves the far legs along so they show.
	tableFarShift = 6.0
)

// tablePieces is a table seen from the side, its near edge at x =
// front and its top running away to +x: the top and two pairs of legs,
// the far pair lighter.
func tablePieces(front float64) []piece {
	back := front + tableDepth
	legTop := tableH - tableTop
	legs := func(dx float64, far bool) []piece {
		return []piece{
			{rect(front+4+dx, 0, front+8+dx, legTop), far},
			{rect(back-8+dx, 0, back-4+dx, legTop), far},
		}
	}
	pieces := legs(tableFarShift, true)
	pieces = append(pieces, legs(0, false)...)
	return append(pieces, piece{Path: rect(front, legTop, back, tableH)})
}

// Door sizes (cm): an interior door, 203 cm high (FIGURES.md), seen
// edge-on, closed, 4 cm thick.
const (
	doorH = 203.0
	doorT = 4.0
)

// doorPieces is a closed door seen edge-on, its face at x = face, and
// the band's anchor knot on its far side.
func doorPieces(face float64) []piece {
	return []piece{{Path: rect(face, 0, face+doorT, doorH)}}
}

// frontPieces is a flat-sided prop's outlines in the front view, nil for
// one the front view does not draw.
func frontPieces(k propKind, x float64) []piece {
	switch k {
	case chair:
		return chairFrontPieces(x)
	case wall:
		return wallFrontPieces(x)
	case doorway:
		return doorwayPieces(x)
	case door:
		// A door at the person's side shows its edge, as from the side.
		return doorPieces(x)
	case pillow:
		return pillowPieces(x)
	}
	return nil
}

// Pillow sizes (cm; FIGURES.md): under the head ≈11 cm thick when lain
// on; as wide along the body as the head is long.
const (
	pillowT   = 11.0
	pillowLen = 30.0
)

// pillowPieces is a pillow on the mat under a head lying on its side,
// the head's pivot above x; it reaches further beyond the crown than
// towards the shoulder.
func pillowPieces(x float64) []piece {
	return []piece{{Path: roundRect(x-pillowLen*0.4, 0, x+pillowLen*0.6, pillowT, 4)}}
}

// chairWidth is the chair seat's width (cm; FIGURES.md ≈45).
const chairWidth = 45.0

// chairFrontPieces is the chair seen from the front, centred on x: the
// back's posts and top rail behind (drawn lighter), the seat, and the
// front legs.
func chairFrontPieces(x float64) []piece {
	h := chairWidth / 2
	seatLo := chairSeatH - chairSeatT
	return []piece{
		{rect(x-h+0.5, chairSeatH, x-h+chairLeg+0.5, chairBackTop), true},
		{rect(x+h-chairLeg-0.5, chairSeatH, x+h-0.5, chairBackTop), true},
		{rect(x-h+0.5, chairBackTop-chairRail, x+h-0.5, chairBackTop), true},
		{Path: rect(x-h, 0, x-h+chairLeg, seatLo)},
		{Path: rect(x+h-chairLeg, 0, x+h, seatLo)},
		{Path: rect(x-h, seatLo, x+h, chairSeatH)},
	}
}

// wallFrontWidth is how wide a wall behind a person seen from the front
// is drawn (cm): wider than the arms' reach, so it reads as a wall.
const wallFrontWidth = 130.0

// wallFrontPieces is a wall behind the person, seen face-on, centred on x.
func wallFrontPieces(x float64) []piece {
	return []piece{{rect(x-wallFrontWidth/2, 0, x+wallFrontWidth/2, wallH), true}}
}

// Doorway sizes (cm; FIGURES.md): an 85 cm clear opening 203 cm high,
// in a frame whose casing shows 8 cm wide.
const (
	doorwayOpening = 85.0
	doorwayCasing  = 8.0
)

// doorwayPieces is a doorway seen face-on through its opening, centred
// on x: the two jambs and the head of the frame.
func doorwayPieces(x float64) []piece {
	h, c := doorwayOpening/2, doorwayCasing
	return []piece{
		{Path: rect(x-h-c, 0, x-h, doorH+c)},
		{Path: rect(x+h, 0, x+h+c, doorH+c)},
		{Path: rect(x-h, doorH, x+h, doorH+c)},
	}
}
