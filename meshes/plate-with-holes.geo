// Rectangular plate [0,2] x [0,1] with two circular holes.
// Made with: gmsh -2 -format msh41 plate-with-holes.geo -o plate-with-holes.msh   (gmsh 4.8.4)
h = 0.06;      // mesh size on the outer edges
hh = 0.03;     // mesh size on the holes
Point(1) = {0, 0, 0, h};
Point(2) = {2, 0, 0, h};
Point(3) = {2, 1, 0, h};
Point(4) = {0, 1, 0, h};
Line(1) = {1, 2};
Line(2) = {2, 3};
Line(3) = {3, 4};
Line(4) = {4, 1};
Curve Loop(1) = {1, 2, 3, 4};

// hole1: centre (0.5, 0.5), radius 0.2
Point(10) = {0.5, 0.5, 0, hh};
Point(11) = {0.7, 0.5, 0, hh};
Point(12) = {0.5, 0.7, 0, hh};
Point(13) = {0.3, 0.5, 0, hh};
Point(14) = {0.5, 0.3, 0, hh};
Circle(11) = {11, 10, 12};
Circle(12) = {12, 10, 13};
Circle(13) = {13, 10, 14};
Circle(14) = {14, 10, 11};
Curve Loop(2) = {11, 12, 13, 14};

// hole2: centre (1.4, 0.5), radius 0.25
Point(20) = {1.4, 0.5, 0, hh};
Point(21) = {1.65, 0.5, 0, hh};
Point(22) = {1.4, 0.75, 0, hh};
Point(23) = {1.15, 0.5, 0, hh};
Point(24) = {1.4, 0.25, 0, hh};
Circle(21) = {21, 20, 22};
Circle(22) = {22, 20, 23};
Circle(23) = {23, 20, 24};
Circle(24) = {24, 20, 21};
Curve Loop(3) = {21, 22, 23, 24};

Plane Surface(1) = {1, 2, 3};
Physical Curve("bottom") = {1};
Physical Curve("right") = {2};
Physical Curve("top") = {3};
Physical Curve("left") = {4};
Physical Curve("hole1") = {11, 12, 13, 14};
Physical Curve("hole2") = {21, 22, 23, 24};
Physical Surface("plate") = {1};
Mesh.RandomSeed = 1;
