; function %slot_roundtrip(i64) -> i64 {
;     ss0 = stack_slot 16, align 8
; block0(v0: i64):
;     v1 = stack_addr ss0+0
;     store v0, v1+8
;     v2 = load.i64 v1+8
;     v3 = iadd_imm v2, 1
;     return v3
; }
%slot_roundtrip:
   0: push rbp
   1: mov rbp,rsp
   4: sub rsp,0x10
   8: mov QWORD PTR [rbp-0x10],0x0
  10: mov QWORD PTR [rbp-0x8],0x0
  18: mov QWORD PTR [rbp-0x8],rdi
  1c: mov rax,QWORD PTR [rbp-0x8]
  20: lea rax,[rax+0x1]
  24: mov rsp,rbp
  27: pop rbp
  28: ret

; function %field(i64) -> i32 {
;     ss0 = stack_slot 8, align 8
; block0(v0: i64):
;     v1 = stack_addr ss0+0
;     store v0, v1+0
;     v2 = iadd_imm v1, 4
;     v3 = load.i32 v2+0
;     return v3
; }
%field:
  30: push rbp
  31: mov rbp,rsp
  34: sub rsp,0x10
  38: mov QWORD PTR [rbp-0x8],0x0
  40: lea rax,[rbp-0x8]
  44: mov QWORD PTR [rbp-0x8],rdi
  48: mov eax,DWORD PTR [rax+0x4]
  4b: movsxd rax,eax
  4e: mov rsp,rbp
  51: pop rbp
  52: ret

; function %store_imm() -> i16 {
;     ss0 = stack_slot 2, align 2
; block0:
;     v0 = stack_addr ss0+0
;     v1 = iconst.i16 -2
;     store v1, v0+0
;     v2 = load.i16 v0+0
;     return v2
; }
%store_imm:
  60: push rbp
  61: mov rbp,rsp
  64: sub rsp,0x10
  68: mov QWORD PTR [rbp-0x8],0x0
  70: mov WORD PTR [rbp-0x2],0xfffe
  76: movsx eax,WORD PTR [rbp-0x2]
  7a: movsx rax,ax
  7e: mov rsp,rbp
  81: pop rbp
  82: ret

