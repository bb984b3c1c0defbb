package pose

import (
	"math"

	"handout/figures"
)

// Furniture and other flat-sided props, drawn in side view to the sizes in
// FIGURES.md ("Props"). Each is a few closed outlines; the far pair of legs
// is marked so that it is drawn lighter, behind.

// posePiece is one outline of a flat-sided prop.
type posePiece struct {
	Path []figures.Segment
	Far  bool
}

// Chair sizes (cm): an armless kitchen or dining chair.
const (
	poseChairSeatH   = 45.0 // top of the seat above the floor
	poseChairSeatD   = 44.0 // seat depth, front edge to the back posts
	poseChairSeatT   = 4.0  // seat thickness
	poseChairBackTop = 85.0 // top of the back rail above the floor
	poseChairRail    = 12.0 // height of the back's top rail
	poseChairLeg     = 3.0  // leg and post thickness
	// poseChairFarShift moves the far legs back a little so that they
	// show beside the near ones (forward, they would sit behind the calf).
	poseChairFarShift = -4.0
)

// poseRect is a closed counter-clockwise rectangle.
func poseRect(x0, y0, x1, y1 float64) []figures.Segment {
	pt := func(x, y float64) [3]figures.Point { return [3]figures.Point{{X: x, Y: y}} }
	return []figures.Segment{
		{Op: figures.MoveTo, Pts: pt(x0, y0)}, {Op: figures.LineTo, Pts: pt(x1, y0)},
		{Op: figures.LineTo, Pts: pt(x1, y1)}, {Op: figures.LineTo, Pts: pt(x0, y1)}, {Op: figures.Close},
	}
}

// poseChairPieces is a chair seen from the side, facing +x, the front
// edge of its seat at x = front. The back posts stand behind the seat's
// back edge, so a person sitting right back touches neither.
func poseChairPieces(front float64) []posePiece {
	back := front - poseChairSeatD
	seatLo := poseChairSeatH - poseChairSeatT
	legs := func(dx float64, far bool) []posePiece {
		return []posePiece{
			{poseRect(front-poseChairLeg+dx, 0, front+dx-0.5, seatLo), far},
			// The back leg runs on up as the back post.
			{poseRect(back-poseChairLeg+dx, 0, back+dx, poseChairBackTop), far},
		}
	}
	pieces := legs(poseChairFarShift, true)
	pieces = append(pieces, legs(0, false)...)
	return append(pieces,
		posePiece{Path: poseRect(back-poseChairLeg, seatLo, front, poseChairSeatH)},
		posePiece{Path: poseRect(back-poseChairLeg-0.5, poseChairBackTop-poseChairRail, back+0.5, poseChairBackTop)},
	)
}

// pieceClearance is the gap between the body parts kept and a flat-sided
// prop: negative, by the deepest point, when the body cuts into it.
func (f *poseFigure) pieceClearance(pieces []posePiece, keep func(bodyPart) bool) float64 {
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
	poseCounterH     = 90.0
	poseCounterTop   = 4.0
	poseCounterDepth = 60.0
)

// poseCounterPieces is a kitchen counter seen from the side, its front
// edge at x = front and its depth running away to +x: the worktop, the
// cabinet under it set back 3 cm, and a toe kick the feet can go under.
func poseCounterPieces(front float64) []posePiece {
	back := front + poseCounterDepth
	return []posePiece{
		{Path: poseRect(front+3, 10, back, poseCounterH-poseCounterTop)},
		{Path: poseRect(front+9, 0, back, 10)},
		{Path: poseRect(front, poseCounterH-poseCounterTop, back, poseCounterH)},
	}
}

// poseWallH is how high a wall is drawn (cm): above a standing person's
// reach, so it reads as a wall and not a post.
const poseWallH = 200.0

// poseWallPieces is a wall seen edge-on, its face at x = face and the
// wall itself beyond it (+x): a vertical line meeting the floor, with a
// light strip of its thickness.
func poseWallPieces(face float64) []posePiece {
	return []posePiece{{Path: poseRect(face, 0, face+4, poseWallH)}}
}

// Kneeling cushion sizes (cm): a towel folded to ≈4 cm (FIGURES.md: 3–5)
// under the down knee, long enough for the knee and the top of the shin.
const (
	poseCushionT   = 4.0
	poseCushionLen = 28.0
)

// poseCushionPieces is a folded towel on the floor from x = x0 on.
func poseCushionPieces(x0 float64) []posePiece {
	return []posePiece{{Path: builtinRoundRect(x0, 0, x0+poseCushionLen, poseCushionT, 1.2)}}
}

// Table sizes (cm): a dining table (FIGURES.md: 71–76 cm, top ≈4 cm).
const (
	poseTableH     = 74.0
	poseTableTop   = 4.0
	poseTableDepth = 80.0
	// poseTableFarShift moves the far legs along so they show.
	poseTableFarShift = 6.0
)

// poseTablePieces is a table seen from the side, its near edge at x =
// front and its top running away to +x: the top and two pairs of legs,
// the far pair lighter.
func poseTablePieces(front float64) []posePiece {
	back := front + poseTableDepth
	legTop := poseTableH - poseTableTop
	legs := func(dx float64, far bool) []posePiece {
		return []posePiece{
			{poseRect(front+4+dx, 0, front+8+dx, legTop), far},
			{poseRect(back-8+dx, 0, back-4+dx, legTop), far},
		}
	}
	pieces := legs(poseTableFarShift, true)
	pieces = append(pieces, legs(0, false)...)
	return append(pieces, posePiece{Path: poseRect(front, legTop, back, poseTableH)})
}

// Door sizes (cm): an interior door, 203 cm high (FIGURES.md), seen
// edge-on, closed, 4 cm thick.
const (
	poseDoorH = 203.0
	poseDoorT = 4.0
)

// poseDoorPieces is a closed door seen edge-on, its face at x = face, and
// the band's anchor knot on its far side.
func poseDoorPieces(face float64) []posePiece {
	return []posePiece{{Path: poseRect(face, 0, face+poseDoorT, poseDoorH)}}
}
