CREATE TABLE "complaint_number_counters" (
	"day" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"citizen_id" uuid NOT NULL,
	"client_key" uuid NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"content" text NOT NULL,
	"case_id" uuid,
	"department_id" uuid,
	"status" text DEFAULT 'submitted' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"due_unpublished" boolean DEFAULT false NOT NULL,
	"accepted_at" timestamp with time zone,
	"handled_by" uuid,
	"replied_at" timestamp with time zone,
	"reply_text" text,
	"reply_department_name" text,
	"replied_on_time" boolean,
	"satisfaction" text,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaints_number_unique" UNIQUE("number"),
	CONSTRAINT "complaints_kind" CHECK ("complaints"."kind" IN ('complaint', 'suggestion')),
	CONSTRAINT "complaints_status" CHECK ("complaints"."status" IN ('submitted', 'processing', 'replied', 'rated')),
	CONSTRAINT "complaints_satisfaction" CHECK ("complaints"."satisfaction" IS NULL OR "complaints"."satisfaction" IN ('satisfied', 'basic', 'unsatisfied')),
	CONSTRAINT "complaints_reply" CHECK ("complaints"."status" NOT IN ('replied', 'rated') OR ("complaints"."replied_at" IS NOT NULL AND "complaints"."reply_text" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "complaint_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"citizen_id" uuid NOT NULL,
	"complaint_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"sha256" text NOT NULL,
	"mime_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_photos_bytes" CHECK ("complaint_photos"."bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "complaint_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"event" text NOT NULL,
	"actor_kind" text NOT NULL,
	"staff_id" uuid,
	"department_id" uuid
);
--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_handled_by_staff_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_photos" ADD CONSTRAINT "complaint_photos_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_photos" ADD CONSTRAINT "complaint_photos_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_client_key" ON "complaints" USING btree ("citizen_id","client_key");--> statement-breakpoint
CREATE INDEX "complaints_citizen" ON "complaints" USING btree ("citizen_id","created_at");--> statement-breakpoint
CREATE INDEX "complaints_department" ON "complaints" USING btree ("department_id","status","due_at");--> statement-breakpoint
CREATE INDEX "complaint_photos_complaint" ON "complaint_photos" USING btree ("complaint_id","position");--> statement-breakpoint
CREATE INDEX "complaint_photos_unattached" ON "complaint_photos" USING btree ("created_at") WHERE "complaint_photos"."complaint_id" IS NULL;--> statement-breakpoint
CREATE INDEX "complaint_events_complaint" ON "complaint_events" USING btree ("complaint_id","at");