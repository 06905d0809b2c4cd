CREATE TABLE "ap_cell_levels" (
	"level" smallint PRIMARY KEY NOT NULL,
	"size" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ap_cells" (
	"level" smallint NOT NULL,
	"cx" integer NOT NULL,
	"cy" integer NOT NULL,
	"dim" text NOT NULL,
	"value" text NOT NULL,
	"n" integer NOT NULL,
	"sum_lat" double precision NOT NULL,
	"sum_lng" double precision NOT NULL,
	CONSTRAINT "ap_cells_level_dim_value_cx_cy_pk" PRIMARY KEY("level","dim","value","cx","cy")
);
